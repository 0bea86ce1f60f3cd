package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.ManifestFixtures.PASSWORD;
import static dev.meshplay.gitops.reconciler.web.ManifestFixtures.manifest;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.design;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.source;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.reconciler.access.WebAccess;
import dev.meshplay.gitops.reconciler.events.Event;
import dev.meshplay.gitops.reconciler.events.EventKind;
import dev.meshplay.gitops.reconciler.events.EventLog;
import dev.meshplay.gitops.reconciler.manifest.ManifestStore;
import dev.meshplay.gitops.reconciler.status.DesignState;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The object, events and event-stream routes over a real server. */
class LiveRoutesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String WEB_DESIGN = "source=demo&cluster=sandbox&path=designs%2Fweb.yaml";
  private static final EventLog EVENTS = new EventLog(50);
  private static LocalServer server;

  @BeforeAll
  static void start() {
    ManifestStore manifests = new ManifestStore();
    manifests.put("demo", "sandbox", Map.of("designs/web.yaml", manifest()));
    server =
        new LocalServer(
            store(source("m", design("web", DesignState.SYNCED, List.of()))),
            new ServerParts(EVENTS, manifests, WebAccess.open()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theObjectRoutesAnswerTheYamlWithTheSecretRedacted() {
    HttpResponse<String> page =
        server.get("/object?" + WEB_DESIGN + "&kind=Secret&namespace=web&name=credentials");
    HttpResponse<String> json =
        server.get("/api/v1/object?" + WEB_DESIGN + "&kind=Secret&namespace=web&name=credentials");
    HttpResponse<String> missing =
        server.get("/api/v1/object?" + WEB_DESIGN + "&kind=Secret&namespace=web&name=nope");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("kind: Secret", "[redacted]").doesNotContain(PASSWORD);
    assertThat(
            JSON.readTree(json.body())
                .path("object")
                .path("stringData")
                .path("password")
                .asString())
        .isEqualTo("[redacted]");
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  @Test
  void theDesignRouteCarriesTheGraph() {
    JsonNode graph = JSON.readTree(server.get("/api/v1/design?" + WEB_DESIGN).body()).path("graph");

    assertThat(graph.path("nodes")).hasSize(4);
    assertThat(graph.path("edges").findValuesAsString("relationship"))
        .contains("edge/non-binding/network", "hierarchical/parent/inventory");
  }

  @Test
  void theEventsRoutesListTheNewestFirst() {
    EVENTS.record(event("first"));
    EVENTS.record(event("second <b>"));

    JsonNode json = JSON.readTree(server.get("/api/v1/events?limit=2").body());
    String page = server.get("/events").body();

    assertThat(json.path("events").path(0).path("message").asString()).isEqualTo("second <b>");
    assertThat(json.path("events").path(1).path("message").asString()).isEqualTo("first");
    assertThat(page).contains("second &lt;b&gt;").doesNotContain("second <b>");
  }

  @Test
  void theStreamDeliversAnEventRecordedAfterTheClientConnected() throws Exception {
    HttpResponse<InputStream> res = server.open(EventStream.PATH);
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                      lines.add(line);
                    }
                  } catch (Exception closed) {
                    // The test hung up.
                  }
                });
    assertThat(res.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("retry: 3000"));

    EVENTS.record(event("streamed"));
    EVENTS.statusChanged("demo", "sandbox");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(lines)
                    .contains("event: event", "event: status")
                    .anySatisfy(l -> assertThat(l).startsWith("data: ").contains("\"streamed\"")));
    res.body().close();
    reader.interrupt();
  }

  private static Event event(String message) {
    return Event.of(
        Instant.now(), EventKind.CREATED, "demo", "sandbox", "designs/web.yaml", message);
  }
}
