package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.metrics.PrometheusText;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a real pass, {@code /metrics} parses as Prometheus text and has every family. */
class MetricsIT {
  private static final String CONFIG_MAP =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: metrics-settings
        namespace: default
      data:
        greeting: hello
      """;

  @TempDir Path tmp;
  private DesignRepository repo;
  private TestCluster cluster;
  private Daemon daemon;

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close();
    }
    if (cluster != null) {
      cluster.client().configMaps().inNamespace("default").withName("metrics-settings").delete();
      cluster
          .client()
          .configMaps()
          .inNamespace("meshplay-system")
          .withName("inventory-metrics")
          .delete();
      cluster.close();
    }
    if (repo != null) {
      repo.close();
    }
  }

  @Test
  void metricsParseAndCountThePassAfterACommitIsApplied() throws Exception {
    repo = DesignRepository.init(tmp.resolve("repo"));
    cluster = TestCluster.start();
    String commit = repo.write("manifests/settings.yaml", CONFIG_MAP).commit("metrics: first");
    daemon =
        Daemon.start(
            new DaemonConfig(
                "127.0.0.1",
                0,
                tmp.resolve("state"),
                Duration.ofMillis(200),
                List.of(new GitSource("metrics", repo.dir().toString(), "main")),
                ClusterConfig.sandbox()),
            new KubernetesCluster(cluster.name(), cluster.client()),
            new RepositoryRenderer(KustomizeRunner.kubectl()));
    StatusClient client = new StatusClient(daemon.port());
    await().atMost(Duration.ofSeconds(60)).until(() -> commit.equals(client.appliedCommit()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> client.get("/metrics").body().contains("outcome=\"synced\""));

    HttpResponse<String> res = client.get("/metrics");
    PrometheusText metrics = PrometheusText.parse(res.body());

    assertThat(res.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
    assertThat(metrics.types())
        .containsEntry("meshplay_gitops_sync_runs_total", "counter")
        .containsEntry("meshplay_gitops_sync_duration_seconds", "histogram")
        .containsEntry("meshplay_gitops_objects", "gauge")
        .containsEntry("meshplay_gitops_drifted_objects", "gauge")
        .containsEntry("meshplay_gitops_designs", "gauge")
        .containsEntry("meshplay_gitops_last_successful_sync_timestamp_seconds", "gauge")
        .containsEntry("meshplay_gitops_git_poll_duration_seconds", "histogram")
        .containsEntry("meshplay_gitops_git_poll_errors_total", "counter")
        .containsKey("jvm_memory_used_bytes");
    assertThat(metrics.samples("meshplay_gitops_sync_runs_total"))
        .anySatisfy(
            s -> {
              assertThat(s.labels()).contains("source=\"metrics\"", "outcome=\"synced\"");
              assertThat(s.value()).isGreaterThanOrEqualTo(1);
            });
    assertThat(metrics.samples("meshplay_gitops_objects"))
        .anySatisfy(
            s -> {
              assertThat(s.labels()).contains("action=\"create\"");
              assertThat(s.value()).isGreaterThanOrEqualTo(0);
            });
    assertThat(metrics.samples("meshplay_gitops_last_successful_sync_timestamp_seconds"))
        .singleElement()
        .satisfies(s -> assertThat(s.value()).isGreaterThan(1.7e9));
    assertThat(metrics.samples("meshplay_gitops_git_poll_duration_seconds_count"))
        .singleElement()
        .satisfies(s -> assertThat(s.value()).isGreaterThanOrEqualTo(1));
  }
}
