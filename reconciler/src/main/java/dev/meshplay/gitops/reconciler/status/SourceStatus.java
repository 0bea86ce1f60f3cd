package dev.meshplay.gitops.reconciler.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the daemon knows about one source and each cluster it deploys to.
 *
 * @param head the newest commit seen on the branch, or null before the first successful poll
 * @param error why the source could not be used (Git unreachable, meshplay.yaml invalid), or null
 */
public record SourceStatus(
    String name,
    String url,
    String branch,
    CommitInfo head,
    String error,
    List<ClusterStatus> clusters) {

  public SourceStatus {
    clusters = List.copyOf(clusters);
  }

  public static SourceStatus pending(
      String name, String url, String branch, List<String> clusters) {
    return new SourceStatus(
        name, url, branch, null, null, clusters.stream().map(ClusterStatus::pending).toList());
  }

  /** The commit applied in every cluster, or null while any cluster lags or differs. */
  public CommitInfo applied() {
    if (clusters.isEmpty() || clusters.stream().anyMatch(c -> c.applied() == null)) {
      return null;
    }
    CommitInfo first = clusters.get(0).applied();
    return clusters.stream().allMatch(c -> Objects.equals(c.applied().id(), first.id()))
        ? first
        : null;
  }

  /** When the most recent pass in any cluster finished, or null before the first. */
  public Instant lastSync() {
    return clusters.stream()
        .map(ClusterStatus::lastSync)
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  /** Every design in every cluster. */
  public List<DesignStatus> designs() {
    return clusters.stream().flatMap(c -> c.designs().stream()).toList();
  }

  public SourceStatus withCluster(ClusterStatus status) {
    return new SourceStatus(
        name,
        url,
        branch,
        head,
        error,
        clusters.stream().map(c -> c.cluster().equals(status.cluster()) ? status : c).toList());
  }

  public SourceStatus withHead(CommitInfo head, String error) {
    return new SourceStatus(name, url, branch, head, error, clusters);
  }
}
