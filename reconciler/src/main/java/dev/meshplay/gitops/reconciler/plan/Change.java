package dev.meshplay.gitops.reconciler.plan;

import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;
import java.util.List;
import java.util.Map;

/**
 * One planned change.
 *
 * @param drift the paths (e.g. {@code .spec.replicas}) where the live object differs from Git
 * @param body the desired body for CREATE/UPDATE/UNCHANGED, null for PRUNE and KEEP_NOT_OWNED
 * @param provenance where Git declares the object, null for prunes
 * @param note why an object is kept or not repaired, or null
 */
public record Change(
    String design,
    ObjectRef ref,
    Action action,
    List<String> drift,
    Map<String, Object> body,
    Provenance provenance,
    String note) {

  public Change {
    drift = List.copyOf(drift);
  }
}
