package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.render.ObjectRef;
import java.util.List;

/**
 * How one object of one design differs between the base and the head of a change, independent of
 * any cluster.
 *
 * @param diffs the fields that changed (old → new), for {@link Kind#CHANGED}
 */
public record DesignDelta(String design, ObjectRef ref, Kind kind, List<FieldDiff> diffs) {

  /** Whether the head added, removed or changed the object. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  public DesignDelta {
    diffs = List.copyOf(diffs);
  }
}
