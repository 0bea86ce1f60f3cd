package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.ObjectStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the last pass did to a design's objects, counted per action, for {@code designs[].counts}:
 * every key is always present, so a script can read {@code counts.pruned} without checking. An
 * object whose apply or delete failed counts as {@code failed} only.
 */
final class ActionCounts {
  private ActionCounts() {}

  static Map<String, Integer> of(DesignStatus design) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String key :
        new String[] {
          "created",
          "updated",
          "unchanged",
          "drifted",
          "pruned",
          "kept",
          "keptNotOwned",
          "adopted",
          "heldForeign",
          "failed"
        }) {
      counts.put(key, 0);
    }
    for (ObjectStatus object : design.objects()) {
      counts.merge(failed(object) ? "failed" : key(object.action()), 1, Integer::sum);
    }
    return counts;
  }

  // The error field also carries notes (why an object is kept or not repaired): only a write the
  // pass attempted can fail.
  private static boolean failed(ObjectStatus object) {
    return object.error() != null
        && switch (object.action()) {
          case CREATE, UPDATE, PRUNE, ADOPT -> true;
          case UNCHANGED, DRIFTED, KEEP, KEEP_NOT_OWNED, HELD_FOREIGN -> false;
        };
  }

  private static String key(Action action) {
    return switch (action) {
      case CREATE -> "created";
      case UPDATE -> "updated";
      case UNCHANGED -> "unchanged";
      case DRIFTED -> "drifted";
      case PRUNE -> "pruned";
      case KEEP -> "kept";
      case KEEP_NOT_OWNED -> "keptNotOwned";
      case ADOPT -> "adopted";
      case HELD_FOREIGN -> "heldForeign";
    };
  }
}
