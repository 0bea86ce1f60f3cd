package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon's {@code inventoryNamespace} setting decides where inventories are kept. */
class InventoryNamespaceIT {
  @TempDir Path tmp;

  @Test
  void theInventoryIsKeptInTheConfiguredNamespace() throws Exception {
    try (DesignRepository repo = DesignRepository.init(tmp.resolve("repo"));
        SandboxCluster sandbox = SandboxCluster.start()) {
      repo.write(
              "manifests/app/settings.yaml",
              "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: default}\n")
          .commit("one config map");
      DaemonConfig config =
          new DaemonConfig(
                  "127.0.0.1",
                  0,
                  tmp.resolve("state"),
                  Duration.ofMillis(200),
                  List.of(new GitSource("shop", repo.dir().toString(), "main")),
                  ClusterConfig.sandbox())
              .withInventoryNamespace("gitops-state");

      try (Daemon daemon =
          Daemon.start(
              config,
              new KubernetesCluster("sandbox", sandbox.client()),
              new RepositoryRenderer(KustomizeRunner.kubectl()))) {
        await()
            .atMost(Duration.ofSeconds(20))
            .untilAsserted(
                () ->
                    assertThat(
                            sandbox
                                .client()
                                .configMaps()
                                .inNamespace("gitops-state")
                                .withName("inventory-shop")
                                .get())
                        .isNotNull());
        assertThat(sandbox.client().namespaces().withName("meshplay-system").get()).isNull();
      }
    }
  }
}
