package dev.meshplay.gitops.reconciler.status;

import java.time.Instant;
import java.util.List;

/**
 * One source in one target cluster after its last pass.
 *
 * @param applied the last commit whose every design was applied here, or null
 * @param error why the last pass could not run here (cluster unreachable), or null
 */
public record ClusterStatus(
    String cluster,
    CommitInfo applied,
    Instant lastSync,
    String error,
    List<DesignStatus> designs) {

  public ClusterStatus {
    designs = List.copyOf(designs);
  }

  public static ClusterStatus pending(String cluster) {
    return new ClusterStatus(cluster, null, null, null, List.of());
  }
}
