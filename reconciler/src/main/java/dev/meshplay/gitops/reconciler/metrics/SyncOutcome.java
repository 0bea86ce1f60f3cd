package dev.meshplay.gitops.reconciler.metrics;

import java.util.Locale;

/** The {@code outcome} label of a sync run: a closed set so the series count stays bounded. */
public enum SyncOutcome {
  /** Every design applied. */
  SYNCED,
  /** The pass ran but at least one design failed or was held. */
  DESIGN_FAILED,
  /** meshplay.yaml did not read: nothing applied. */
  SETTINGS_INVALID,
  /** The cluster could not be read or written. */
  CLUSTER_UNAVAILABLE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
