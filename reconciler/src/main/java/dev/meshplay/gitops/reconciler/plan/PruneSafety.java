package dev.meshplay.gitops.reconciler.plan;

import dev.meshplay.gitops.reconciler.inventory.Ownership;
import dev.meshplay.gitops.render.ObjectRef;
import java.util.Map;

/**
 * The rules that keep an inventoried object that left Git. Each returns the reason to keep it, or
 * null when it may be deleted.
 */
final class PruneSafety {
  static final String REFUSED = "prune refused";
  static final String OPT_OUT = "meshplay.dev/prune";

  private PruneSafety() {}

  /** Per-object rules: ownership marks, the opt-out annotation, namespaces still in use. */
  static String keepReason(
      PlanInput input, String design, ObjectRef ref, Map<String, Object> live) {
    if (!Ownership.ownedBy(live, input.source())) {
      return "its labels no longer say it is ours";
    }
    if (!design.equals(Ownership.annotation(live, Ownership.DESIGN))) {
      return "its " + Ownership.DESIGN + " annotation names another design";
    }
    if ("disabled".equals(Ownership.annotation(live, OPT_OUT))) {
      return "annotated " + OPT_OUT + ": disabled";
    }
    if (ref.kind().equals("Namespace") && input.namespacesInUse().contains(ref.name())) {
      return "namespace holds objects outside the inventory";
    }
    return null;
  }

  /** The refusal message when pruning {@code prunes} of {@code total} objects is too many. */
  static String massPrune(int prunes, int total, double maxShare) {
    if (total == 0 || prunes <= maxShare * total) {
      return null;
    }
    return "%s: would delete %d of %d objects (%d%% > %d%%); set allowMassPrune for this design in meshplay.yaml to allow it"
        .formatted(
            REFUSED, prunes, total, Math.round(100.0 * prunes / total), Math.round(100 * maxShare));
  }
}
