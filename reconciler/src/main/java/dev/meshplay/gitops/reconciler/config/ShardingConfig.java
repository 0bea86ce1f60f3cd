package dev.meshplay.gitops.reconciler.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How replicas share the target clusters: one {@code coordination.k8s.io/v1} Lease per cluster in
 * {@code namespace} of the control cluster; the replica holding a cluster's Lease is the only one
 * that reconciles it.
 *
 * @param namespace where the Leases live
 * @param identity this replica's name in the Leases' {@code holderIdentity}; unique per replica
 * @param leaseDuration how long a Lease stays valid without renewal: the longest a dead replica's
 *     clusters wait for a new owner
 * @param renewDeadline how long the holder keeps trying to renew before it stops reconciling;
 *     shorter than {@code leaseDuration}, so it stops before anyone else may start
 * @param retryPeriod how often Leases are renewed and free ones tried
 * @param kubeconfig the control cluster's kubeconfig; null: the cluster the daemon runs in (or the
 *     default kubeconfig outside one)
 * @param context the kubeconfig context, null for its current one
 */
public record ShardingConfig(
    String namespace,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod,
    Path kubeconfig,
    String context) {

  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);
  public static final Duration DEFAULT_RENEW = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RETRY = Duration.ofSeconds(2);

  public ShardingConfig {
    if (!renewDeadline.minus(leaseDuration).isNegative()) {
      throw new IllegalArgumentException("renewDeadline must be shorter than leaseDuration");
    }
    if (!retryPeriod.minus(renewDeadline).isNegative()) {
      throw new IllegalArgumentException("retryPeriod must be shorter than renewDeadline");
    }
  }

  /** Defaults for everything but where and who, with the control cluster found automatically. */
  public static ShardingConfig of(String namespace, String identity) {
    return new ShardingConfig(
        namespace, identity, DEFAULT_LEASE, DEFAULT_RENEW, DEFAULT_RETRY, null, null);
  }

  /** The same, with other timings. */
  public ShardingConfig withTimings(Duration lease, Duration renew, Duration retry) {
    return new ShardingConfig(namespace, identity, lease, renew, retry, kubeconfig, context);
  }
}
