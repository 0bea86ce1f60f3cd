package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;
import java.util.List;

/**
 * What a plan would do to one object, with the fields it would rewrite.
 *
 * @param provenance where Git declares the object, null for prunes
 * @param diffs the fields an update rewrites (old → new); empty for the other actions
 * @param note why an object is kept or not repaired, or null
 */
public record ObjectChange(
    ObjectRef ref, Action action, Provenance provenance, List<FieldDiff> diffs, String note) {

  public ObjectChange {
    diffs = List.copyOf(diffs);
  }

  /** Whether applying the plan would write or delete this object. */
  public boolean changes() {
    return action == Action.CREATE
        || action == Action.UPDATE
        || action == Action.ADOPT
        || action == Action.PRUNE;
  }
}
