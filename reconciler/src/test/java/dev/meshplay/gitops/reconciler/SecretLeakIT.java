package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.git.Credentials;
import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.Secret;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.forge.ForgeConfig;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants known secret values everywhere a daemon meets them (a Git token file, a webhook secret, a
 * forge token, Secrets in a design, one of them invalid, a hand edit of a live Secret), runs the
 * daemon end to end, then reads its log and every page and API route it links to: none of the
 * values, plain or base64, may appear.
 */
class SecretLeakIT {
  private static final Map<String, String> PLANTED = new LinkedHashMap<>();

  static {
    PLANTED.put("git token", "planted-git-token-5f1c9e");
    PLANTED.put("second source token", "planted-remote-token-0b7d2a");
    PLANTED.put("webhook secret", "planted-webhook-secret-7a2e41");
    PLANTED.put("forge token", "planted-forge-token-c3d884");
    PLANTED.put("stringData value", "planted-string-data-91ab0f");
    PLANTED.put("data value", "planted-data-value-44e1d2");
    PLANTED.put("invalid Secret value", "planted-invalid-value-e07c53");
    PLANTED.put("hand-edited value", "planted-hand-edit-6d3f88");
  }

  @TempDir Path tmp;

  @Test
  void noPlantedSecretReachesTheLogOrAnyPage() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    PrintStream tee = new PrintStream(new Tee(log, originalErr), true, StandardCharsets.UTF_8);
    System.setErr(tee);
    System.setOut(tee);
    Map<String, String> seen = new LinkedHashMap<>();
    try (SandboxCluster sandbox = SandboxCluster.start();
        DesignRepository repo = DesignRepository.init(tmp.resolve("repo"))) {
      repo.write("manifests/secrets/db.yaml", design())
          .write("manifests/bad/secret.yaml", invalid());
      String commit = repo.commit("secrets");
      try (Daemon daemon = start(sandbox, repo.dir())) {
        StatusClient client = new StatusClient(daemon.port());
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  var design = client.design("secrets");
                  assertThat(design == null ? null : design.path("status").asString())
                      .isEqualTo("Synced");
                });
        assertThat(sandbox.client().secrets().inNamespace("default").withName("db").get())
            .isNotNull();
        editByHand(sandbox);
        // Two more passes see (and report) the hand edit, whatever they make of it.
        for (int pass = 0; pass < 2; pass++) {
          String before = lastSync(client);
          await()
              .atMost(Duration.ofSeconds(60))
              .untilAsserted(() -> assertThat(lastSync(client)).isNotEqualTo(before));
        }
        postHooks(daemon.port());
        PageCrawl.crawl(daemon.port(), null).forEach(seen::put);
        assertThat(commit).isNotBlank();
      }
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    seen.put("log", log.toString(StandardCharsets.UTF_8));
    assertThat(seen.keySet()).contains("/", "/api/v1/status", "/metrics", "log");
    // The capture works: the unreachable source's error (whose fetch carried a token) is in it.
    assertThat(seen.get("log")).contains("cannot list remote refs");
    assertThat(seen.keySet().stream().filter(p -> p.startsWith("/design?"))).isNotEmpty();
    for (Map.Entry<String, String> secret : PLANTED.entrySet()) {
      for (String form : forms(secret.getValue())) {
        for (Map.Entry<String, String> place : seen.entrySet()) {
          assertThat(place.getValue())
              .as("%s (%s) in %s", secret.getKey(), form, place.getKey())
              .doesNotContain(form);
        }
      }
    }
  }

  private Daemon start(SandboxCluster sandbox, Path repo) throws Exception {
    Path gitToken = secretFile("git-token", PLANTED.get("git token"));
    Path remoteToken = secretFile("remote-token", PLANTED.get("second source token"));
    Path hook = secretFile("hook", PLANTED.get("webhook secret"));
    Path forgeToken = secretFile("forge-token", PLANTED.get("forge token"));
    GitSource local =
        new GitSource("leak", repo.toString(), "main")
            .withCredentials(new Credentials.Token(Secret.file(gitToken)));
    // Unreachable over https: its errors are logged and shown, and must not carry the token.
    GitSource remote =
        new GitSource("remote", "https://127.0.0.1:1/acme/designs.git", "main")
            .withCredentials(new Credentials.Token(Secret.file(remoteToken)));
    DaemonConfig config =
        new DaemonConfig(
                "127.0.0.1",
                0,
                tmp.resolve("state"),
                Duration.ofMillis(300),
                List.of(local, remote),
                ClusterConfig.sandbox())
            .withWebhookSecrets(Map.of("leak", Secret.file(hook)))
            .withForges(
                Map.of(
                    "leak",
                    new ForgeConfig(
                        ForgeConfig.Kind.GITHUB,
                        "http://127.0.0.1:1",
                        "acme/designs",
                        Secret.file(forgeToken),
                        null)));
    return Daemon.start(
        config, new KubernetesCluster("sandbox", sandbox.client()), Daemon.validatingRenderer());
  }

  private Path secretFile(String name, String value) throws Exception {
    return Files.writeString(tmp.resolve(name), value + "\n");
  }

  private static String design() {
    return """
        apiVersion: v1
        kind: Secret
        metadata:
          name: db
          namespace: default
          annotations: {policies.meshplay.dev/allow-plaintext: "true"}
        stringData:
          password: %s
        data:
          apiKey: %s
        """
        .formatted(PLANTED.get("stringData value"), base64(PLANTED.get("data value")));
  }

  /** A Secret the validator rejects with its value at fault. */
  private static String invalid() {
    return """
        apiVersion: v1
        kind: Secret
        metadata:
          name: broken
          namespace: default
        data:
          token: %s
          other: [%s]
        """
        .formatted(PLANTED.get("invalid Secret value"), PLANTED.get("invalid Secret value"));
  }

  private static void editByHand(SandboxCluster sandbox) {
    sandbox
        .client()
        .secrets()
        .inNamespace("default")
        .withName("db")
        .edit(
            s -> {
              if (s.getData() == null) {
                s.setData(new java.util.HashMap<>());
              }
              s.getData().put("password", base64(PLANTED.get("hand-edited value")));
              return s;
            });
  }

  private static String lastSync(StatusClient client) {
    for (var source : client.status().path("sources")) {
      if (source.path("name").asString().equals("leak")) {
        return source.path("clusters").path(0).path("lastSync").asString();
      }
    }
    return "";
  }

  private static void postHooks(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String body = "{\"ref\":\"refs/heads/main\",\"repository\":{\"clone_url\":\"x\"}}";
    for (String signature :
        List.of("sha256=" + "0".repeat(64), "sha256=" + PLANTED.get("webhook secret"))) {
      http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/github/leak"))
              .header("X-GitHub-Event", "push")
              .header("X-GitHub-Delivery", "d-" + signature.hashCode())
              .header("X-Hub-Signature-256", signature)
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }
  }

  private static List<String> forms(String value) {
    return List.of(value, base64(value));
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Copies what is written to the log to the original stream too, so failures stay readable. */
  private static final class Tee extends java.io.OutputStream {
    private final java.io.OutputStream a;
    private final java.io.OutputStream b;

    Tee(java.io.OutputStream a, java.io.OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }
}
