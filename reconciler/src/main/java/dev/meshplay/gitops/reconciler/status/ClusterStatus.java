package dev.meshplay.gitops.reconciler.status;

import java.time.Instant;
import java.util.List;

/**
 * One source in one target cluster after its last pass.
 *
 * @param applied the last commit whose every design was applied here, or null
 * @param lastSync when the last pass ended, or null before the first
 * @param error why the last pass could not run here (cluster unreachable), or null
 * @param lastPassStarted when the last pass began, or null before the first
 */
public record ClusterStatus(
    String cluster,
    CommitInfo applied,
    Instant lastSync,
    String error,
    List<DesignStatus> designs,
    Instant lastPassStarted) {

  public ClusterStatus {
    designs = List.copyOf(designs);
  }

  /** A status without the start of its pass. */
  public ClusterStatus(
      String cluster,
      CommitInfo applied,
      Instant lastSync,
      String error,
      List<DesignStatus> designs) {
    this(cluster, applied, lastSync, error, designs, null);
  }

  /** How long the last pass took, or null when unknown. */
  public java.time.Duration lastPassDuration() {
    return lastPassStarted == null || lastSync == null
        ? null
        : java.time.Duration.between(lastPassStarted, lastSync);
  }

  public static ClusterStatus pending(String cluster) {
    return new ClusterStatus(cluster, null, null, null, List.of());
  }
}
