package dev.meshplay.gitops.reconciler.shard;

import dev.meshplay.gitops.reconciler.config.ShardingConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lease per target cluster in the control cluster, through fabric8's leader election: this
 * replica reconciles a cluster while it holds its Lease. A holder that cannot renew within {@code
 * renewDeadline} stops at once, which is before {@code leaseDuration} ends and anyone else may take
 * the Lease. Ownership is first come: a replica takes every free Lease it sees.
 */
public final class LeasedClusters implements ClusterOwnership {
  private static final Logger LOG = LoggerFactory.getLogger(LeasedClusters.class);

  private final KubernetesClient control;
  private final ShardingConfig config;
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  private final Map<String, CompletableFuture<?>> elections = new ConcurrentHashMap<>();
  private final ExecutorService executor;
  private final Consumer<String> acquired;
  private volatile boolean closed;

  /**
   * @param control the cluster holding the Leases
   * @param acquired told the name of each cluster this replica starts to own
   */
  public LeasedClusters(
      KubernetesClient control, ShardingConfig config, Consumer<String> acquired) {
    this.control = control;
    this.config = config;
    this.acquired = acquired;
    this.executor =
        Executors.newCachedThreadPool(
            r -> Thread.ofPlatform().daemon().name("lease-" + config.identity()).unstarted(r));
  }

  /** Starts competing for the Leases of {@code clusters}. */
  public LeasedClusters start(List<String> clusters) {
    clusters.forEach(this::elect);
    return this;
  }

  @Override
  public boolean owns(String cluster) {
    return held.contains(cluster);
  }

  /** The clusters this replica holds now. */
  public Set<String> held() {
    return Set.copyOf(held);
  }

  public String identity() {
    return config.identity();
  }

  // fabric8's election ends when leadership is lost; compete again until closed.
  private void elect(String cluster) {
    if (closed) {
      return;
    }
    LeaderElector elector = new LeaderElector(control, electionConfig(cluster), executor);
    CompletableFuture<?> election = elector.start();
    elections.put(cluster, election);
    election.whenComplete(
        (ok, failure) -> {
          held.remove(cluster);
          if (!closed) {
            executor.execute(() -> elect(cluster));
          }
        });
  }

  private LeaderElectionConfig electionConfig(String cluster) {
    String lease = LeaseName.of(cluster);
    return new LeaderElectionConfig(
        new LeaseLock(config.namespace(), lease, config.identity()),
        config.leaseDuration(),
        config.renewDeadline(),
        config.retryPeriod(),
        new LeaderCallbacks(
            () -> {
              held.add(cluster);
              LOG.info("{} holds the Lease of cluster {} ({})", config.identity(), cluster, lease);
              acquired.accept(cluster);
            },
            () -> {
              held.remove(cluster);
              LOG.info("{} stopped reconciling cluster {}", config.identity(), cluster);
            },
            leader -> LOG.debug("cluster {} is reconciled by {}", cluster, leader)),
        true,
        lease);
  }

  /** Stops competing and releases the Leases held, so the others need not wait them out. */
  @Override
  public void close() {
    closed = true;
    elections.values().forEach(election -> election.cancel(true));
    held.clear();
    executor.shutdown();
  }
}
