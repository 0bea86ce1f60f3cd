package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.inventory.Inventory;
import dev.meshplay.gitops.reconciler.inventory.InventoryStore;
import dev.meshplay.gitops.reconciler.inventory.Ownership;
import dev.meshplay.gitops.reconciler.load.FleetProgress;
import dev.meshplay.gitops.reconciler.load.LoadFleet;
import dev.meshplay.gitops.reconciler.load.LoadShape;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.RepositoryRenderer;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The load benchmark's shape, sized down for CI (10 sources x 10 designs x 10 objects): one daemon
 * converges every source, every object is there and ours, and each inventory is exact. {@code
 * LoadBenchmark} runs 100 x 10 x 100 and measures it.
 */
class LoadIT {
  private static final LoadShape SHAPE = new LoadShape(10, 10, 10);

  @TempDir Path tmp;

  @Test
  void oneDaemonConvergesEverySourceWithExactInventories() throws Exception {
    try (LoadFleet fleet = LoadFleet.create(tmp.resolve("repos"), SHAPE);
        SandboxCluster sandbox = SandboxCluster.start()) {
      DaemonConfig config =
          new DaemonConfig(
              "127.0.0.1",
              0,
              tmp.resolve("state"),
              Duration.ofMinutes(10),
              fleet.sources(),
              ClusterConfig.sandbox());
      try (Daemon daemon =
          Daemon.start(
              config,
              new KubernetesCluster("sandbox", sandbox.client()),
              new RepositoryRenderer(KustomizeRunner.kubectl()))) {
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(250))
            .until(
                () ->
                    FleetProgress.of(daemon.store().sources(), fleet.heads(), SHAPE.designs())
                        .done());

        assertEverySourceSyncedAtHeadOnThePage(new StatusClient(daemon.port()), fleet);
        for (int s = 0; s < SHAPE.sources(); s++) {
          assertObjectsPresentAndOwned(sandbox.client(), fleet, s);
          assertInventoryExact(sandbox.client(), fleet, s);
        }
      }
    }
  }

  private static void assertEverySourceSyncedAtHeadOnThePage(StatusClient page, LoadFleet fleet) {
    JsonNode status = page.status();
    Map<String, String> heads = fleet.heads();
    assertThat(status.path("sources")).hasSize(SHAPE.sources());
    for (JsonNode source : status.path("sources")) {
      String name = source.path("name").asString();
      assertThat(source.path("lastAppliedCommit").asString()).as(name).isEqualTo(heads.get(name));
    }
    assertThat(status.path("designs")).hasSize(SHAPE.sources() * SHAPE.designs());
    for (JsonNode design : status.path("designs")) {
      assertThat(design.path("status").asString())
          .as(design.path("source").asString() + " " + design.path("path").asString())
          .isEqualTo("Synced");
      assertThat(design.path("objects")).hasSize(SHAPE.objects());
    }
  }

  private static void assertObjectsPresentAndOwned(
      KubernetesClient client, LoadFleet fleet, int source) {
    String name = LoadFleet.sourceName(source);
    for (Set<ObjectRef> refs : fleet.expected(source).values()) {
      for (ObjectRef ref : refs) {
        HasMetadata live =
            ref.namespace() == null
                ? client.namespaces().withName(ref.name()).get()
                : client.configMaps().inNamespace(ref.namespace()).withName(ref.name()).get();
        assertThat(live).as(ref.toString()).isNotNull();
        assertThat(live.getMetadata().getLabels())
            .as(ref.toString())
            .containsEntry(Ownership.MANAGED_BY, Ownership.MANAGER)
            .containsEntry(Ownership.SOURCE, name);
        if (live instanceof ConfigMap map) {
          assertThat(map.getData()).containsEntry("revision", "0");
        }
      }
    }
  }

  private static void assertInventoryExact(KubernetesClient client, LoadFleet fleet, int source) {
    Inventory inventory =
        new InventoryStore(new KubernetesCluster("sandbox", client))
            .read(LoadFleet.sourceName(source));
    Map<String, Set<ObjectRef>> expected = fleet.expected(source);
    assertThat(inventory.designs().keySet()).isEqualTo(expected.keySet());
    expected.forEach(
        (design, refs) ->
            assertThat(new HashSet<>(inventory.of(design)))
                .as(LoadFleet.sourceName(source) + " " + design)
                .isEqualTo(refs));
  }
}
