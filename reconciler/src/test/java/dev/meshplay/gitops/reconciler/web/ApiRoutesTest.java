package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.StatusFixtures.HOSTILE_NAME;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.design;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.drifted;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.failing;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.source;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.status.DesignState;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each page has its JSON route with the same facts (docs/api.md). */
class ApiRoutesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static LocalServer server;

  @BeforeAll
  static void start() {
    server =
        new LocalServer(
            store(
                source(
                    "ship it",
                    design(HOSTILE_NAME, DesignState.SYNCED, List.of(drifted())),
                    failing("broken"))));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theDesignRouteAnswersOneDesignWithItsObjectsAndCounts() {
    HttpResponse<String> res =
        server.get("/api/v1/design?source=demo&cluster=sandbox&path=designs%2Fweb.yaml");
    JsonNode design = JSON.readTree(res.body());

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(design.path("name").asString()).isEqualTo(HOSTILE_NAME);
    assertThat(design.path("status").asString()).isEqualTo("Synced");
    assertThat(design.path("driftCount").asInt()).isEqualTo(1);
    assertThat(design.path("objects").path(0).path("drift").path(0).asString())
        .isEqualTo(".spec.replicas");
    assertThat(design.path("applied").path("message").asString()).isEqualTo("ship it");
  }

  @Test
  void theDesignPageAndRouteAnswerNotFoundForAnUnknownDesign() {
    assertThat(server.get("/api/v1/design?source=demo&cluster=sandbox&path=x").statusCode())
        .isEqualTo(404);
    assertThat(server.get("/design?source=demo").statusCode()).isEqualTo(404);
    assertThat(server.get("/design?source=demo&cluster=sandbox&path=designs%2Fx.yaml").body())
        .contains("broken", "badge Failed");
  }

  @Test
  void theClustersRouteSaysWhatEachClusterRuns() {
    JsonNode cluster =
        JSON.readTree(server.get("/api/v1/clusters").body()).path("clusters").path(0);

    assertThat(cluster.path("name").asString()).isEqualTo("sandbox");
    assertThat(cluster.path("source").asString()).isEqualTo("demo");
    assertThat(cluster.path("reachable").asBoolean()).isTrue();
    assertThat(cluster.path("designs").asInt()).isEqualTo(2);
    assertThat(cluster.path("designsSynced").asInt()).isEqualTo(1);
    assertThat(cluster.path("objects").asInt()).isEqualTo(1);
  }

  @Test
  void theStatusRouteKeepsItsShape() {
    JsonNode status = JSON.readTree(server.get("/api/v1/status").body());

    assertThat(status.path("sources").path(0).path("lastAppliedCommit").asString())
        .isEqualTo("0123456789abcdef");
    assertThat(status.path("designs")).hasSize(2);
  }

  @Test
  void everyPageAnswersHtml() {
    for (String page : List.of("/", "/clusters", "/benchmarks")) {
      HttpResponse<String> res = server.get(page);
      assertThat(res.statusCode()).as(page).isEqualTo(200);
      // The one script is our own file; nothing inline.
      String withoutOurs =
          res.body().replace("<script src=\"/static/live.js\" defer></script>", "");
      assertThat(res.body()).as(page).startsWith("<!doctype html>");
      assertThat(withoutOurs).as(page).doesNotContain("<script");
    }
  }
}
