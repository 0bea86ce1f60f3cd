package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.git.GitHttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code serve} as users run it, in its own process, with every credential in an environment
 * variable: a Git password for a private repository served over smart HTTP, a wrong password for a
 * second source, a webhook secret and the page's bearer token. The repository must be reached, the
 * hooks checked, the page guarded, and none of the values may reach the process's output or any
 * page.
 */
class ServeCredentialsIT {
  private static final Path LAUNCHER = Path.of("..", "meshplay-gitops").toAbsolutePath();
  private static final String GIT_PASSWORD = "planted-env-git-password-3c9d1e";
  private static final String WRONG_PASSWORD = "planted-env-wrong-password-a81f07";
  private static final String HOOK_SECRET = "planted-env-hook-secret-5be2c4";
  private static final String WEB_TOKEN = "planted-env-web-token-d4470a";

  @TempDir Path tmp;

  @Test
  void credentialsFromTheEnvironmentWorkAndNeverShow() throws Exception {
    Path served = tmp.resolve("srv");
    try (DesignRepository repo = DesignRepository.init(served.resolve("designs"));
        DesignRepository other = DesignRepository.init(served.resolve("other"));
        GitHttpServer git = new GitHttpServer(served, "deploy", GIT_PASSWORD)) {
      repo.write("manifests/team/ns.yaml", namespace("team")).commit("team namespace");
      other.write("manifests/other/ns.yaml", namespace("other")).commit("other namespace");
      String url = git.url("designs/.git");
      Path config = writeConfig(url, git.url("other/.git"));
      String push = "{\"ref\":\"refs/heads/main\",\"repository\":{\"clone_url\":\"" + url + "\"}}";
      StringBuffer output = new StringBuffer();
      Process serve = start(config, output);
      try {
        int port = awaitPort(output);
        StatusClient page = new StatusClient(port);
        String bearer = "Bearer " + WEB_TOKEN;

        // The page is guarded by the token from the environment.
        assertThat(page.get("/api/v1/status").statusCode()).isEqualTo(401);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> designStatus(port, bearer, "team"), "Synced"::equals);
        int fetchesBefore = git.requests();

        // The poll interval is 10 minutes: only the signed hook can bring the new commit in.
        String second = repo.write("manifests/team/ns2.yaml", namespace("team2")).commit("two");
        assertThat(postHook(port, push, sign(push, HOOK_SECRET))).isEqualTo(202);
        assertThat(postHook(port, push, sign(push, "not-the-secret"))).isEqualTo(401);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> appliedCommit(port, bearer, "private"), second::equals);
        assertThat(git.requests()).isGreaterThan(fetchesBefore);
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> sourceError(port, bearer, "wrong").contains("not authorized"));

        Map<String, String> seen = new LinkedHashMap<>(PageCrawl.crawl(port, bearer));
        assertThat(seen.get("/api/v1/status")).contains("\"private\"", "\"wrong\"");
        serve.destroy();
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
        seen.put("output", output.toString());
        // The capture works: the refused source's error is in the log.
        assertThat(seen.get("output")).contains("wrong");
        assertNoneShown(seen);
      } finally {
        serve.destroyForcibly();
      }
    }
  }

  private static void assertNoneShown(Map<String, String> seen) {
    for (String planted : List.of(GIT_PASSWORD, WRONG_PASSWORD, HOOK_SECRET, WEB_TOKEN)) {
      List<String> forms =
          List.of(
              planted,
              base64(planted),
              base64("deploy:" + planted),
              base64("x-access-token:" + planted));
      for (String form : forms) {
        for (Map.Entry<String, String> place : seen.entrySet()) {
          assertThat(place.getValue()).as("%s in %s", form, place.getKey()).doesNotContain(form);
        }
      }
    }
  }

  private Path writeConfig(String privateUrl, String otherUrl) throws Exception {
    Path config = tmp.resolve("serve.yaml");
    Files.writeString(
        config,
        """
        port: 0
        interval: 10m
        workDir: state
        sources:
          - name: private
            url: %s
            credentials: {username: deploy, password: {env: MESHPLAY_TEST_GIT_PASSWORD}}
            webhookSecret: {env: MESHPLAY_TEST_HOOK_SECRET}
          - name: wrong
            url: %s
            credentials: {username: deploy, password: {env: MESHPLAY_TEST_WRONG_PASSWORD}}
        web:
          auth:
            bearerToken: {env: MESHPLAY_TEST_WEB_TOKEN}
        cluster:
          sandbox: true
        """
            .formatted(privateUrl, otherUrl));
    return config;
  }

  private Process start(Path config, StringBuffer output) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(LAUNCHER.toString(), "serve", "--config", config.toString())
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("MESHPLAY_GITOPS_SKIP_BUILD", "1");
    env.put("HOME", tmp.toString());
    env.put("MESHPLAY_TEST_GIT_PASSWORD", GIT_PASSWORD);
    env.put("MESHPLAY_TEST_WRONG_PASSWORD", WRONG_PASSWORD);
    env.put("MESHPLAY_TEST_HOOK_SECRET", HOOK_SECRET);
    env.put("MESHPLAY_TEST_WEB_TOKEN", WEB_TOKEN);
    Process process = builder.start();
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  output.append(line).append('\n');
                  System.out.println("serve> " + line);
                }
              } catch (java.io.IOException e) {
                // The process ended.
              }
            });
    return process;
  }

  private static int awaitPort(StringBuffer output) {
    String[] port = new String[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              for (String line : output.toString().split("\n")) {
                if (line.startsWith("Serving ")) {
                  port[0] = line.replaceAll(".*:(\\d+)$", "$1");
                }
              }
              return port[0] != null;
            });
    return Integer.parseInt(port[0]);
  }

  private static JsonNode status(int port, String bearer) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/status"))
                    .header("Authorization", bearer)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return JsonMapper.builder().build().readTree(response.body());
  }

  private static JsonNode source(int port, String bearer, String name) throws Exception {
    for (JsonNode source : status(port, bearer).path("sources")) {
      if (source.path("name").asString().equals(name)) {
        return source;
      }
    }
    return JsonMapper.builder().build().missingNode();
  }

  private static String designStatus(int port, String bearer, String design) throws Exception {
    for (JsonNode d : status(port, bearer).path("designs")) {
      if (d.path("name").asString().equals(design)) {
        return d.path("status").asString();
      }
    }
    return "";
  }

  private static String appliedCommit(int port, String bearer, String name) throws Exception {
    return source(port, bearer, name).path("lastAppliedCommit").asString();
  }

  private static String sourceError(int port, String bearer, String name) throws Exception {
    return source(port, bearer, name).path("error").asString();
  }

  private static int postHook(int port, String push, String signature) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/github/private"))
                .header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", "delivery-" + signature.hashCode())
                .header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofString(push))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static String sign(String push, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(push.getBytes(StandardCharsets.UTF_8)));
  }

  private static String namespace(String name) {
    return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n";
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
