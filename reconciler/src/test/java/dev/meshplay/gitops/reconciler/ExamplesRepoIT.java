package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.LocalRepository;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.demo.ExamplesRepo;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The demo's repository, applied: every example design syncs into an empty cluster. */
class ExamplesRepoIT {
  @TempDir Path tmp;

  @Test
  void everyExampleDesignSyncs() throws Exception {
    Path repo = tmp.resolve("repo");
    ExamplesRepo.copyTo(repo);
    LocalRepository.initWithFiles(repo, "Seed from examples-repo");
    DaemonConfig config =
        new DaemonConfig(
            "127.0.0.1",
            0,
            tmp.resolve("state"),
            Duration.ofMillis(300),
            List.of(new GitSource("demo", repo.toString(), "main")),
            ClusterConfig.sandbox());

    try (TestCluster cluster = TestCluster.start();
        Daemon daemon =
            Daemon.start(
                config,
                new KubernetesCluster(cluster.name(), cluster.client()),
                Daemon.validatingRenderer())) {
      StatusClient page = new StatusClient(daemon.port());
      await().atMost(Duration.ofSeconds(30)).until(() -> page.appliedCommit() != null);
      // The sandbox's simulated controllers settle the workloads; the next pass sees them healthy.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (JsonNode design : page.status().path("designs")) {
                  if (!design.path("status").asString().equals("Synced")) {
                    return false;
                  }
                }
                return true;
              });

      for (JsonNode design : page.status().path("designs")) {
        assertThat(design.path("status").asString())
            .as("design %s: %s", design.path("name"), design.path("message"))
            .isEqualTo("Synced");
      }
      assertThat(page.status().path("designs"))
          .extracting(d -> d.path("name").asString())
          .contains("webapp", "legacy-cache", "guestbook/overlays/demo", "platform");
      KubernetesClient kube = cluster.client();
      assertThat(kube.apps().deployments().inNamespace("webapp").withName("webapp").get())
          .isNotNull();
      assertThat(kube.services().inNamespace("cache").withName("redis").get()).isNotNull();
      assertThat(
              kube.apps()
                  .deployments()
                  .inNamespace("guestbook")
                  .withName("guestbook-frontend")
                  .get())
          .isNotNull();
      assertThat(kube.serviceAccounts().inNamespace("platform").withName("reporter").get())
          .isNotNull();
    }
  }
}
