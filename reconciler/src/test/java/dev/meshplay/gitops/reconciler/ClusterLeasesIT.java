package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.config.ShardingConfig;
import dev.meshplay.gitops.reconciler.loop.Target;
import dev.meshplay.gitops.reconciler.shard.LeaseName;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three replicas share four clusters through Leases in a control cluster (all sandboxes): the
 * clusters are spread (at most the fair share each), each cluster is written by one replica; a
 * replica killed without releasing its Leases hands its clusters over within the lease duration,
 * and no two replicas ever write to one cluster at once.
 *
 * <p>{@code -Dmeshplay.leaseSeconds=15} runs it with the default lease (the figure in
 * docs/scale.md); the default here is 4 s to keep the build short.
 */
class ClusterLeasesIT {
  private static final List<String> CLUSTERS = List.of("c1", "c2", "c3", "c4");
  private static final String NAMESPACE = "meshplay-system";

  @TempDir Path tmp;
  private DesignRepository repo;
  private SandboxCluster control;
  private final Map<String, SandboxCluster> clusters = new LinkedHashMap<>();
  private final List<Replica> replicas = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final WriteLog writes = new WriteLog();
  private ShardingConfig sharding;

  /** One daemon with its own clients, as a pod would have. */
  private record Replica(
      String id, Daemon daemon, KubernetesClient control, List<KubernetesClient> targets) {
    void kill() {
      // Like kill -9: the Leases are not released (the control client is gone first).
      control.close();
      targets.forEach(KubernetesClient::close);
      daemon.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    long lease = Long.getLong("meshplay.leaseSeconds", 4);
    sharding =
        ShardingConfig.of(NAMESPACE, "unused")
            .withTimings(
                Duration.ofSeconds(lease),
                Duration.ofMillis(lease * 2000 / 3),
                Duration.ofMillis(Math.max(200, lease * 1000 / 8)));
    repo = DesignRepository.init(tmp.resolve("repo"));
    control = SandboxCluster.start();
    for (String name : CLUSTERS) {
      clusters.put(name, SandboxCluster.start());
    }
  }

  @AfterEach
  void stop() {
    replicas.forEach(r -> r.daemon().close());
    replicas.forEach(r -> r.targets().forEach(KubernetesClient::close));
    replicas.forEach(r -> r.control().close());
    clusters.values().forEach(SandboxCluster::close);
    control.close();
    repo.close();
  }

  private Replica startReplica(String id) {
    List<KubernetesClient> clients = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    for (var cluster : clusters.entrySet()) {
      KubernetesClient client = writes.client(id, cluster.getKey(), cluster.getValue().url());
      clients.add(client);
      targets.add(
          new Target(cluster.getKey(), Map.of(), new KubernetesCluster(cluster.getKey(), client)));
    }
    DaemonConfig config =
        new DaemonConfig(
                "127.0.0.1",
                0,
                tmp.resolve("state-" + id),
                Duration.ofMillis(300),
                List.of(new GitSource("apps", repo.dir().toString(), "main")),
                CLUSTERS.stream().map(c -> ClusterConfig.sandbox(c, Map.of())).toList())
            .withSharding(
                new ShardingConfig(
                    NAMESPACE,
                    id,
                    sharding.leaseDuration(),
                    sharding.renewDeadline(),
                    sharding.retryPeriod(),
                    null,
                    null));
    KubernetesClient controlClient = writes.client(id, "control", control.url());
    Replica replica =
        new Replica(
            id,
            Daemon.start(
                config, targets, new RepositoryRenderer(KustomizeRunner.kubectl()), controlClient),
            controlClient,
            clients);
    replicas.add(replica);
    return replica;
  }

  @Test
  void eachClusterHasOneWriterAndAKilledReplicasClustersMoveWithinTheLease() throws Exception {
    repo.write("manifests/common/ns.yaml", namespace("common"))
        .write("manifests/common/cm.yaml", configMap("v1"))
        .commit("v1");
    // Started together, as a Deployment starts its pods.
    List<Thread> starting = new ArrayList<>();
    for (String id : List.of("replica-a", "replica-b", "replica-c")) {
      starting.add(Thread.ofPlatform().start(() -> startReplica(id)));
    }
    for (Thread thread : starting) {
      thread.join();
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> CLUSTERS.stream().allMatch(c -> value(c).equals(Optional.of("v1"))));
    Map<String, String> owners = new LinkedHashMap<>();
    CLUSTERS.forEach(c -> owners.put(c, holder(c)));
    System.out.println("owners before the kill: " + owners);
    assertThat(owners.values().stream().distinct().count())
        .as("clusters spread over the replicas")
        .isGreaterThan(1);
    for (String id : List.of("replica-a", "replica-b", "replica-c")) {
      assertThat(owners.values().stream().filter(id::equals).count())
          .as("%s holds at most its fair share, 4 clusters / 3 replicas rounded up", id)
          .isLessThanOrEqualTo(2);
    }

    String victim = owners.get("c1");
    List<String> moving = CLUSTERS.stream().filter(c -> owners.get(c).equals(victim)).toList();
    Replica killed = replicas.stream().filter(r -> r.id().equals(victim)).findFirst().orElseThrow();
    long killedAt = System.nanoTime();
    killed.kill();
    repo.write("manifests/common/cm.yaml", configMap("v2")).commit("v2");

    Map<String, Double> takeover = new LinkedHashMap<>();
    await()
        .atMost(sharding.leaseDuration().plusSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              for (String cluster : moving) {
                String now = holder(cluster);
                if (!now.equals(victim) && !takeover.containsKey(cluster)) {
                  takeover.put(cluster, (System.nanoTime() - killedAt) / 1e9);
                }
              }
              assertThat(takeover).containsOnlyKeys(moving);
            });
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> CLUSTERS.stream().allMatch(c -> value(c).equals(Optional.of("v2"))));
    double applied = (System.nanoTime() - killedAt) / 1e9;
    System.out.printf(
        "lease %s: clusters %s of %s taken over after %s s; v2 everywhere %.2f s after the kill%n",
        sharding.leaseDuration(), moving, victim, takeover, applied);

    double bound = sharding.leaseDuration().plus(sharding.retryPeriod()).toMillis() / 1000.0 + 5;
    assertThat(takeover.values()).allSatisfy(t -> assertThat(t).isLessThan(bound));
    for (String cluster : CLUSTERS) {
      List<WriteLog.Write> log = writes.of(cluster);
      assertThat(log)
          .filteredOn(w -> w.replica().equals(victim))
          .allMatch(w -> w.answered() < killedAt);
      assertNoOverlapBetweenReplicas(cluster, log);
    }
  }

  /**
   * Sorted by sending time, a write of another replica never starts before the previous one was
   * answered. (A cluster may change hands more than once: a replica starved of CPU longer than its
   * renew deadline stops and another takes over; what must never happen is two writing at once.)
   */
  private static void assertNoOverlapBetweenReplicas(String cluster, List<WriteLog.Write> log) {
    long lastEnd = Long.MIN_VALUE;
    String lastReplica = null;
    for (WriteLog.Write write : log) {
      if (lastReplica != null && !lastReplica.equals(write.replica())) {
        assertThat(write.sent())
            .as("%s: %s wrote while %s was writing", cluster, write.replica(), lastReplica)
            .isGreaterThan(lastEnd);
      }
      lastEnd = Math.max(lastEnd, write.answered());
      lastReplica = write.replica();
    }
  }

  private String holder(String cluster) {
    Lease lease =
        control.client().leases().inNamespace(NAMESPACE).withName(LeaseName.of(cluster)).get();
    return lease == null ? "" : String.valueOf(lease.getSpec().getHolderIdentity());
  }

  private Optional<String> value(String cluster) {
    ConfigMap map =
        clusters
            .get(cluster)
            .client()
            .configMaps()
            .inNamespace("common")
            .withName("settings")
            .get();
    return Optional.ofNullable(map).map(m -> m.getData().get("value"));
  }

  private static String namespace(String name) {
    return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n";
  }

  private static String configMap(String value) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: common
        data:
          value: "%s"
        """
        .formatted(value);
  }
}
