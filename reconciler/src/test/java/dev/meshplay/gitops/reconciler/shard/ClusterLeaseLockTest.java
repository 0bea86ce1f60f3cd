package dev.meshplay.gitops.reconciler.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Lease of one cluster against the sandbox as control cluster. */
class ClusterLeaseLockTest {
  private static final Duration LEASE = Duration.ofSeconds(15);
  private static SandboxCluster control;
  private static KubernetesClient client;

  private final List<String> reservations = new ArrayList<>();
  private boolean underShare = true;
  private final ClusterLeaseLock.Gate gate =
      new ClusterLeaseLock.Gate() {
        @Override
        public boolean tryReserve(String cluster) {
          reservations.add(cluster);
          return underShare;
        }

        @Override
        public void release(String cluster) {}
      };

  @BeforeAll
  static void start() {
    control = SandboxCluster.start();
    client = control.client();
  }

  @AfterAll
  static void stop() {
    control.close();
  }

  private ClusterLeaseLock lock(String cluster, String identity, Duration renewDeadline) {
    return new ClusterLeaseLock(
        new LeaseLock("meshplay-system", LeaseName.of(cluster), identity),
        cluster,
        LEASE,
        renewDeadline,
        gate);
  }

  private static LeaderElectionRecord record(String holder) {
    ZonedDateTime now = ZonedDateTime.now();
    return new LeaderElectionRecord(holder, LEASE, now, now, 0);
  }

  @Test
  void aHoldIsValidUntilTheRenewDeadlineAfterTheLastWriteWasSent() {
    ClusterLeaseLock lock = lock("deadline", "replica-a", Duration.ofMillis(300));
    assertThat(lock.valid()).isFalse();

    lock.create(client, record("replica-a"));

    assertThat(lock.valid()).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> !lock.valid());
  }

  @Test
  void overItsShareAFreeLeaseReadsAsFreshlyHeldBySomeoneElse() {
    ClusterLeaseLock lock = lock("over-share", "replica-a", Duration.ofSeconds(10));
    underShare = false;

    LeaderElectionRecord seen = lock.get(client);

    assertThat(seen.getHolderIdentity()).isNotEqualTo("replica-a").isNotEmpty();
    assertThat(seen.getRenewTime().plus(LEASE)).isAfter(ZonedDateTime.now());
    underShare = true;
    assertThat(lock.get(client)).as("free, and ours to take").isNull();
  }

  @Test
  void aLeaseHeldByALiveReplicaIsNotReservedFor() {
    lock("held", "replica-b", Duration.ofSeconds(10)).create(client, record("replica-b"));
    reservations.clear();

    LeaderElectionRecord seen = lock("held", "replica-a", Duration.ofSeconds(10)).get(client);

    assertThat(seen.getHolderIdentity()).isEqualTo("replica-b");
    assertThat(reservations).isEmpty();
  }

  @Test
  void aReleaseEndsTheHoldBeforeTheLeaseIsFree() {
    ClusterLeaseLock lock = lock("released", "replica-a", Duration.ofSeconds(10));
    lock.create(client, record("replica-a"));
    lock.get(client);

    lock.update(client, record(""));

    assertThat(lock.valid()).isFalse();
  }
}
