package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.reconciler.metrics.PrometheusText;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cost follows the change: after the first commit, a commit that touches one design of many renders
 * exactly that one again, as {@code meshplay_gitops_designs_rendered_total} counts.
 */
class IncrementalRenderIT {
  private static final int DESIGNS = 30;

  @TempDir Path tmp;

  private static String configMap(int i, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-%d, namespace: default}\ndata: {v: \"%s\"}\n"
        .formatted(i, value);
  }

  @Test
  void aCommitTouchingOneDesignOfManyRendersExactlyOne() throws Exception {
    try (DesignRepository repo = DesignRepository.init(tmp.resolve("repo"));
        SandboxCluster sandbox = SandboxCluster.start()) {
      for (int i = 0; i < DESIGNS; i++) {
        repo.write("manifests/app-" + i + "/config.yaml", configMap(i, "1"));
      }
      String first = repo.commit("thirty designs");
      try (Daemon daemon =
          TestDaemons.start(
              tmp.resolve("state"), repo.dir(), "mono", Duration.ofMillis(200), sandbox.client())) {
        StatusClient page = new StatusClient(daemon.port());
        await().atMost(Duration.ofSeconds(30)).until(() -> first.equals(page.appliedCommit()));
        assertThat(rendered(page)).isEqualTo(DESIGNS);

        String second =
            repo.write("manifests/app-17/config.yaml", configMap(17, "2")).commit("one");
        await().atMost(Duration.ofSeconds(30)).until(() -> second.equals(page.appliedCommit()));

        assertThat(rendered(page)).isEqualTo(DESIGNS + 1);
        assertThat(
                sandbox
                    .client()
                    .configMaps()
                    .inNamespace("default")
                    .withName("app-17")
                    .get()
                    .getData())
            .containsEntry("v", "2");
      }
    }
  }

  private static double rendered(StatusClient page) {
    return PrometheusText.parse(page.get("/metrics").body())
        .samples("meshplay_gitops_designs_rendered_total")
        .stream()
        .filter(s -> s.labels().contains("source=\"mono\""))
        .mapToDouble(PrometheusText.Sample::value)
        .sum();
  }
}
