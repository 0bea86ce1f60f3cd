package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.StatusFixtures.design;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.source;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.bench.BenchmarkResults;
import dev.meshplay.gitops.reconciler.metrics.GitOpsMetrics;
import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import io.helidon.http.Method;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server is read-only and every answer carries the security headers. */
class ReadOnlyServerTest {
  // The one non-GET route the product may have (issue 10): the signature-checked webhook.
  private static final String WEBHOOK = "/hooks/{provider}/{source}";

  private static final StatusStore STORE =
      store(source("m", design("web", DesignState.SYNCED, List.of())));
  private static LocalServer server;

  @BeforeAll
  static void start() {
    server = new LocalServer(STORE);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<Route> routes() {
    return StatusServer.routes(
        STORE,
        new BenchmarkResults(),
        new MetricsEndpoint(new GitOpsMetrics(Clock.systemUTC()).registry()));
  }

  @Test
  void everyRouteIsAGetExceptTheWebhook() {
    List<Route> writes =
        routes().stream()
            .filter(r -> !r.method().equals(Method.GET))
            .filter(r -> !(r.method().equals(Method.POST) && r.path().equals(WEBHOOK)))
            .toList();

    assertThat(routes()).isNotEmpty();
    assertThat(writes).as("non-GET routes").isEmpty();
  }

  @Test
  void writingMethodsAreRefusedOnEveryPath() {
    for (Route route : routes()) {
      for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
        int status = server.send(method, route.path()).statusCode();
        assertThat(status).as(method + " " + route.path()).isIn(404, 405);
      }
    }
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() {
    for (Route route : routes()) {
      HttpResponse<?> res =
          route.path().equals(EventStream.PATH) ? stream(route.path()) : server.get(route.path());
      assertThat(res.headers().firstValue("X-Content-Type-Options"))
          .as(route.path())
          .hasValue("nosniff");
      assertThat(res.headers().firstValue("Referrer-Policy"))
          .as(route.path())
          .hasValue("no-referrer");
      assertThat(res.headers().firstValue("Content-Security-Policy"))
          .as(route.path())
          .hasValueSatisfying(
              csp -> assertThat(csp).contains("default-src 'none'").doesNotContain("unsafe"));
    }
  }

  // The event stream does not end: read its headers, then hang up.
  private static HttpResponse<?> stream(String path) {
    HttpResponse<java.io.InputStream> res = server.open(path);
    try {
      res.body().close();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return res;
  }

  @Test
  void theStylesheetIsServedFromOurOrigin() {
    HttpResponse<String> css = server.get("/static/style.css");

    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    assertThat(css.body()).contains(".badge");
  }
}
