package dev.meshplay.gitops.reconciler.health;

import java.util.Map;

/**
 * Whether an object others are applied on top of is ready to be used: a CRD Established (its kind
 * accepted and served), a Namespace Active (not terminating). Objects of other kinds are ready once
 * stored.
 */
public final class Readiness {
  private Readiness() {}

  /** Null when ready, else what it is still waiting for, like {@code not established}. */
  public static String pending(Map<String, Object> live) {
    if (live == null) {
      return "not found";
    }
    StatusView view = new StatusView(live);
    return switch (String.valueOf(live.get("kind"))) {
      case "CustomResourceDefinition" ->
          view.conditionIs("Established", "True") ? null : "not established";
      case "Namespace" -> "Active".equals(view.status().get("phase")) ? null : "not active";
      default -> null;
    };
  }
}
