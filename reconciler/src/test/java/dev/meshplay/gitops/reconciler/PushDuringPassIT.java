package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.load.PushHooks;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push announced while the previous commit is still being applied is applied as soon as that pass
 * ends, not at the next interval (found by the webhook load: the pass it triggered was skipped
 * because the cluster was busy, and nothing asked again).
 */
class PushDuringPassIT {
  @TempDir Path tmp;

  @Test
  void aPushDuringASlowPassIsAppliedWhenThatPassEnds() throws Exception {
    try (DesignRepository repo = DesignRepository.init(tmp.resolve("repo"));
        SandboxCluster sandbox = SandboxCluster.start();
        KubernetesClient slow = slowApplies(sandbox)) {
      repo.write(
          "manifests/app/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: app}\n");
      for (int i = 0; i < 15; i++) {
        repo.write("manifests/app/cm-" + i + ".yaml", configMap("cm-" + i));
      }
      repo.commit("fifteen config maps");
      DaemonConfig config =
          new DaemonConfig(
              "127.0.0.1",
              0,
              tmp.resolve("state"),
              Duration.ofHours(1),
              List.of(new GitSource("app", repo.dir().toString(), "main")),
              ClusterConfig.sandbox());
      try (Daemon daemon =
          Daemon.start(
              config,
              new KubernetesCluster("sandbox", slow),
              new RepositoryRenderer(KustomizeRunner.kubectl()))) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> sandbox.requestCounts().getOrDefault("PATCH", 0L) > 0);
        String late = repo.write("manifests/app/late.yaml", configMap("late")).commit("one more");

        var answer = new PushHooks(daemon.port()).deliver("app", repo.dir(), late, "d1", null);
        assertThat(answer.join().body()).startsWith("polling app");
        assertThat(daemon.store().sources().getFirst().applied()).isNull(); // still applying

        StatusClient page = new StatusClient(daemon.port());
        await().atMost(Duration.ofSeconds(30)).until(() -> late.equals(page.appliedCommit()));
        assertThat(sandbox.client().configMaps().inNamespace("app").withName("late").get())
            .isNotNull();
      }
    }
  }

  /** A client of the sandbox whose every PATCH (apply) takes 200 ms longer. */
  private static KubernetesClient slowApplies(SandboxCluster sandbox) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(sandbox.url().toString())
            .withNamespace("default")
            .withHttp2Disable(true)
            .build();
    Interceptor slow =
        new Interceptor() {
          @Override
          public void before(
              BasicBuilder builder, HttpRequest request, Interceptor.RequestTags tags) {
            if ("PATCH".equals(request.method())) {
              try {
                Thread.sleep(200);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
        };
    return new KubernetesClientBuilder()
        .withConfig(config)
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("slow", slow))
        .build();
  }

  private static String configMap(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\n  namespace: app\ndata:\n  a: \"1\"\n"
        .formatted(name);
  }
}
