package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.reconciler.plan.Action;
import java.util.Locale;

/** The words every report shares, so the terminal, the note and the comment read alike. */
final class Notes {
  static final String SANDBOX =
      "Planned against an empty in-process sandbox cluster: every object is a create. Pass"
          + " --kubeconfig or --cluster to plan against a real cluster.";

  private Notes() {}

  static String symbol(Action action) {
    return switch (action) {
      case CREATE -> "+";
      case UPDATE -> "~";
      case PRUNE -> "-";
      case UNCHANGED -> "=";
      case DRIFTED -> "!";
      case KEEP, KEEP_NOT_OWNED, HELD_FOREIGN -> "·";
      case ADOPT -> "^";
    };
  }

  static String word(Action action) {
    return switch (action) {
      case KEEP_NOT_OWNED -> "keep (not ours)";
      case HELD_FOREIGN -> "held (another tool's)";
      default -> action.name().toLowerCase(Locale.ROOT);
    };
  }
}
