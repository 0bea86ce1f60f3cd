package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Over a running daemon: a commit lands and the event stream says so; the events list and the
 * object's YAML (a Secret's values redacted) follow what the pass applied.
 */
class LiveUpdatesIT {
  private static final String SOURCE = "live";
  private static final String PASSWORD = "do-not-show-me-42";
  private static final String DESIGN = "source=live&cluster=sandbox&path=manifests%2Flive";

  @TempDir Path tmp;
  private DesignRepository repo;
  private TestCluster cluster;
  private Daemon daemon;
  private StatusClient page;

  @BeforeEach
  void start() throws Exception {
    repo = DesignRepository.init(tmp.resolve("repo"));
    cluster = TestCluster.start();
    String first =
        repo.write(
                "manifests/live/ns.yaml",
                "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: live\n")
            .write(
                "manifests/live/secret.yaml",
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: live\n"
                    + "  annotations:\n    policies.meshplay.dev/allow-plaintext: \"true\"\n"
                    + "stringData:\n  password: "
                    + PASSWORD
                    + "\n")
            .commit("live: namespace and secret");
    daemon =
        TestDaemons.start(
            tmp.resolve("state"), repo.dir(), SOURCE, Duration.ofMillis(300), cluster.client());
    page = new StatusClient(daemon.port());
    await().atMost(Duration.ofSeconds(30)).until(() -> first.equals(page.appliedCommit()));
  }

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close();
    }
    cluster.client().namespaces().withName("live").delete();
    cluster
        .client()
        .configMaps()
        .inNamespace("meshplay-system")
        .withName("inventory-live")
        .delete();
    cluster.close();
    repo.close();
  }

  @Test
  void theStreamDeliversTheEventsOfACommitThatLands() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpResponse<InputStream> stream = openStream(lines);

    String second =
        repo.write(
                "manifests/live/settings.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
                    + "  namespace: live\ndata:\n  mode: fast\n")
            .commit("live: settings");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(lines)
                    .anySatisfy(
                        l ->
                            assertThat(l)
                                .startsWith("data: ")
                                .contains("\"kind\":\"created\"", "ConfigMap/live/settings"))
                    .anySatisfy(
                        l ->
                            assertThat(l).contains("\"kind\":\"synced\"", second.substring(0, 7))));
    assertThat(lines).contains("event: status");
    stream.body().close();
  }

  @Test
  void theEventsListAndTheSecretsYamlFollowThePass() {
    JsonNode events = json("/api/v1/events");
    JsonNode secret = json("/api/v1/object?" + DESIGN + "&kind=Secret&namespace=live&name=db");
    String secretPage =
        page.get("/object?" + DESIGN + "&kind=Secret&namespace=live&name=db").body();
    String designPage = page.get("/design?" + DESIGN).body();

    assertThat(events.path("events").findValuesAsString("kind")).contains("created", "synced");
    assertThat(secret.path("yaml").asString())
        .contains("password: '[redacted]'", "meshplay.dev/source: live")
        .doesNotContain(PASSWORD);
    assertThat(secretPage).doesNotContain(PASSWORD);
    assertThat(designPage).contains("<svg class=\"graph\"", ">inventory<");
  }

  private JsonNode json(String path) {
    return JsonMapper.builder().build().readTree(page.get(path).body());
  }

  private HttpResponse<InputStream> openStream(List<String> lines) throws Exception {
    HttpResponse<InputStream> res =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + daemon.port() + "/api/v1/events/stream"))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (Exception closed) {
                // The test hung up.
              }
            });
    await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("retry: 3000"));
    return res;
  }
}
