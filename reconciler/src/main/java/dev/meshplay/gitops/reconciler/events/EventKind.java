package dev.meshplay.gitops.reconciler.events;

import java.util.Locale;

/** What an event reports; {@link #label()} is the string the page and API show. */
public enum EventKind {
  /** A pass applied every design (reported when the applied commit moves or after a failure). */
  SYNCED,
  /** A pass ran but some design failed or was held. */
  SYNC_FAILED,
  CREATED,
  UPDATED,
  PRUNED,
  /** Live objects differ from Git and self-heal is off for them. */
  DRIFT_DETECTED,
  /** Live objects differed from Git and were put back. */
  DRIFT_REPAIRED,
  PRUNE_REFUSED,
  RENDER_FAILED,
  SETTINGS_INVALID,
  WEBHOOK_RECEIVED,
  CLUSTER_UNREACHABLE,
  GIT_UNREACHABLE;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether the page marks it as a problem. */
  public boolean problem() {
    return switch (this) {
      case SYNC_FAILED,
          PRUNE_REFUSED,
          RENDER_FAILED,
          SETTINGS_INVALID,
          CLUSTER_UNREACHABLE,
          GIT_UNREACHABLE,
          DRIFT_DETECTED ->
          true;
      case SYNCED, CREATED, UPDATED, PRUNED, DRIFT_REPAIRED, WEBHOOK_RECEIVED -> false;
    };
  }
}
