package dev.meshplay.gitops.reconciler.status;

import dev.meshplay.gitops.reconciler.health.Health;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;
import java.util.List;

/**
 * One object of a design after a pass.
 *
 * @param action what the last pass did (UNCHANGED when it was already as Git says)
 * @param drift the paths that had drifted and were repaired by the last pass
 * @param provenance where Git declares it; null for pruned objects
 * @param error why the pass could not apply or delete it, or null
 * @param health what its status says, or null for pruned objects and failed designs
 * @param adopted how this object was taken over in place, when this daemon adopted it (it existed
 *     before Git declared it); null for objects it created
 */
public record ObjectStatus(
    ObjectRef ref,
    Action action,
    List<String> drift,
    Provenance provenance,
    String error,
    Health health,
    String adopted) {

  public ObjectStatus {
    drift = List.copyOf(drift);
  }

  /** The status of an object this daemon did not adopt. */
  public ObjectStatus(
      ObjectRef ref,
      Action action,
      List<String> drift,
      Provenance provenance,
      String error,
      Health health) {
    this(ref, action, drift, provenance, error, health, null);
  }
}
