package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.Secret;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.events.EventKind;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signed push webhook makes the daemon poll at once, long before its interval; a request with a
 * bad signature or an oversized body changes nothing.
 */
class WebhookIT {
  private static final String SECRET = "s3cret-for-tests";

  @TempDir Path tmp;
  private DesignRepository repo;
  private TestCluster cluster;
  private Daemon daemon;
  private StatusClient page;

  @BeforeEach
  void start() throws Exception {
    repo = DesignRepository.init(tmp.resolve("repo"));
    cluster = TestCluster.start();
    Path secretFile = tmp.resolve("webhook-secret");
    Files.writeString(secretFile, SECRET + "\n");
    String first =
        repo.write(
                "manifests/hooks/ns.yaml",
                "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: hooks\n")
            .commit("namespace");
    DaemonConfig config =
        new DaemonConfig(
            "127.0.0.1",
            0,
            tmp.resolve("state"),
            Duration.ofHours(1),
            List.of(new GitSource("hooks", repo.dir().toString(), "main")),
            List.of(ClusterConfig.sandbox()),
            Map.of("hooks", Secret.file(secretFile)),
            Map.of());
    daemon =
        Daemon.start(
            config,
            new KubernetesCluster(cluster.name(), cluster.client()),
            new RepositoryRenderer(KustomizeRunner.kubectl()));
    page = new StatusClient(daemon.port());
    await().atMost(Duration.ofSeconds(20)).until(() -> first.equals(page.appliedCommit()));
  }

  @AfterEach
  void stop() {
    daemon.close();
    cluster.close();
    repo.close();
  }

  @Test
  void aSignedPushIsAppliedWithoutWaitingForTheInterval() throws Exception {
    String second = repo.write("manifests/hooks/cm.yaml", configMap()).commit("config map");

    HttpResponse<String> response = post(push(second), signature(push(second), SECRET));

    assertThat(response.statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> second.equals(page.appliedCommit()));
    assertThat(cluster.client().configMaps().inNamespace("hooks").withName("settings").get())
        .isNotNull();
    assertThat(daemon.events().recent(100))
        .anySatisfy(e -> assertThat(e.kind()).isEqualTo(EventKind.WEBHOOK_RECEIVED));
  }

  @Test
  void aBadSignatureIsRejectedAndChangesNothing() throws Exception {
    String second = repo.write("manifests/hooks/cm.yaml", configMap()).commit("config map");

    HttpResponse<String> response = post(push(second), signature(push(second), "wrong"));

    assertThat(response.statusCode()).isEqualTo(401);
    Thread.sleep(1500);
    assertThat(page.appliedCommit()).isNotEqualTo(second);
  }

  @Test
  void anOversizedBodyIsRefused() throws Exception {
    String huge = "{\"pad\":\"" + "x".repeat(2 << 20) + "\"}";

    assertThat(post(huge, signature(huge, SECRET)).statusCode()).isEqualTo(413);
  }

  private String push(String after) {
    return """
        {"ref":"refs/heads/main","after":"%s",
         "repository":{"clone_url":"file://%s","full_name":"team/hooks"}}
        """
        .formatted(after, repo.dir());
  }

  private HttpResponse<String> post(String body, String signature) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + daemon.port() + "/hooks/github/hooks"))
            .header("X-GitHub-Event", "push")
            .header("X-Hub-Signature-256", signature)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String signature(String body, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static String configMap() {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: hooks\n"
        + "data:\n  a: \"1\"\n";
  }
}
