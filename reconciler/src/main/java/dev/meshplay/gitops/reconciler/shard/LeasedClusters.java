package dev.meshplay.gitops.reconciler.shard;

import dev.meshplay.gitops.reconciler.config.ShardingConfig;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.time.ZonedDateTime;
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
 * the Lease. Each replica also renews a member Lease; it takes a free cluster only while it holds
 * fewer than its fair share (clusters / live members, rounded up), and not until one lease duration
 * after its member Lease is first held, so replicas starting together see each other before taking
 * clusters.
 */
public final class LeasedClusters implements ClusterOwnership {
  private static final Logger LOG = LoggerFactory.getLogger(LeasedClusters.class);

  private final KubernetesClient control;
  private final ShardingConfig config;
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  private final Map<String, CompletableFuture<?>> elections = new ConcurrentHashMap<>();
  private final Map<String, ClusterLeaseLock> locks = new ConcurrentHashMap<>();
  private final Set<String> reserved = ConcurrentHashMap.newKeySet();
  private final ExecutorService executor;
  private final Consumer<String> acquired;
  private volatile long warmUpEnds;
  private volatile boolean announced;
  private volatile int clusters;
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

  /** Announces this replica and starts competing for the Leases of {@code targets}. */
  public LeasedClusters start(List<String> targets) {
    this.clusters = targets.size();
    elect(MEMBER, new LeaseLock(config.namespace(), LeaseName.member(identity()), identity()));
    for (String cluster : targets) {
      LeaseLock lease = new LeaseLock(config.namespace(), LeaseName.of(cluster), identity());
      ClusterLeaseLock lock =
          new ClusterLeaseLock(
              lease, cluster, config.leaseDuration(), config.renewDeadline(), fairShare());
      locks.put(cluster, lock);
      elect(cluster, lock);
    }
    return this;
  }

  private static final String MEMBER = "";

  @Override
  public boolean owns(String cluster) {
    ClusterLeaseLock lock = locks.get(cluster);
    return held.contains(cluster) && lock != null && lock.valid();
  }

  /** The clusters this replica holds now. */
  public Set<String> held() {
    return Set.copyOf(held);
  }

  public String identity() {
    return config.identity();
  }

  // Reservations keep parallel elections from taking more than the share between them.
  private ClusterLeaseLock.Gate fairShare() {
    return new ClusterLeaseLock.Gate() {
      @Override
      public boolean tryReserve(String cluster) {
        if (!announced || System.nanoTime() - warmUpEnds < 0) {
          return false;
        }
        int members = Math.max(1, liveMembers());
        int share = (clusters + members - 1) / members;
        synchronized (reserved) {
          long holding = locks.values().stream().filter(ClusterLeaseLock::valid).count();
          if (holding + reserved.size() >= share) {
            return false;
          }
          reserved.add(cluster);
          return true;
        }
      }

      @Override
      public void release(String cluster) {
        reserved.remove(cluster);
      }
    };
  }

  private int liveMembers() {
    try {
      ZonedDateTime now = ZonedDateTime.now();
      List<Lease> leases = control.leases().inNamespace(config.namespace()).list().getItems();
      long others =
          leases.stream()
              .filter(l -> l.getMetadata().getName().startsWith(LeaseName.MEMBER_PREFIX))
              .filter(l -> !identity().equals(l.getSpec().getHolderIdentity()))
              .filter(l -> l.getSpec().getRenewTime() != null)
              .filter(
                  l ->
                      l.getSpec()
                          .getRenewTime()
                          .plusSeconds(l.getSpec().getLeaseDurationSeconds())
                          .isAfter(now))
              .count();
      return (int) others + 1;
    } catch (RuntimeException e) {
      // Cannot count: take what is free rather than leave clusters unreconciled.
      return 1;
    }
  }

  // fabric8's election ends when leadership is lost; compete again until closed.
  private void elect(String cluster, Lock lock) {
    if (closed) {
      return;
    }
    LeaderElector elector = new LeaderElector(control, electionConfig(cluster, lock), executor);
    CompletableFuture<?> election = elector.start();
    elections.put(cluster, election);
    election.whenComplete(
        (ok, failure) -> {
          held.remove(cluster);
          if (!closed) {
            executor.execute(() -> elect(cluster, lock));
          }
        });
  }

  private LeaderElectionConfig electionConfig(String cluster, Lock lock) {
    boolean member = cluster.equals(MEMBER);
    return new LeaderElectionConfig(
        lock,
        config.leaseDuration(),
        config.renewDeadline(),
        config.retryPeriod(),
        new LeaderCallbacks(
            () -> {
              if (member) {
                // Peers starting with us announce themselves within this time too.
                warmUpEnds = System.nanoTime() + config.leaseDuration().toNanos();
                announced = true;
              } else {
                held.add(cluster);
                LOG.info("{} holds the Lease of cluster {}", identity(), cluster);
                acquired.accept(cluster);
              }
            },
            () -> {
              if (!member) {
                held.remove(cluster);
                LOG.info("{} stopped reconciling cluster {}", identity(), cluster);
              }
            },
            leader -> LOG.debug("{} is held by {}", lock.describe(), leader)),
        true,
        lock.describe());
  }

  /** Stops competing and releases the Leases held, so the others need not wait them out. */
  @Override
  public void close() {
    closed = true;
    held.clear();
    elections.values().forEach(election -> election.cancel(true));
    executor.shutdown();
  }
}
