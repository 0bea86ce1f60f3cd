package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.bench.BenchmarkResults;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;

/** The read-only web server: the page, the JSON API, and health endpoints. */
public final class StatusServer implements AutoCloseable {
  private final WebServer server;

  private StatusServer(WebServer server) {
    this.server = server;
  }

  /** Starts on {@code host:port} (port 0 picks a free one). */
  public static StatusServer start(
      String host,
      int port,
      StatusStore store,
      BenchmarkResults benchmarks,
      WebhookRoute webhooks) {
    WebServer server =
        WebServer.builder()
            .host(host)
            .port(port)
            .routing(
                routing -> {
                  routing(routing, store, benchmarks);
                  routing.post("/hooks/{provider}/{source}", webhooks);
                })
            .build()
            .start();
    return new StatusServer(server);
  }

  /** The routes, separate from the server so tests can use them in memory or over a socket. */
  public static void routing(
      HttpRouting.Builder routing, StatusStore store, BenchmarkResults benchmarks) {
    routing
        .get(
            "/",
            (req, res) ->
                send(
                    res,
                    "text/html; charset=UTF-8",
                    StatusPage.render(store.sources(), benchmarks)))
        .get(
            "/api/v1/benchmarks",
            (req, res) -> send(res, "application/json", BenchmarksJson.of(benchmarks)))
        .get(
            "/api/v1/status",
            (req, res) -> send(res, "application/json", StatusJson.of(store.sources())))
        .get("/healthz", (req, res) -> send(res, "text/plain", "ok\n"))
        .get(
            "/readyz",
            (req, res) -> {
              if (store.ready()) {
                send(res, "text/plain", "ready\n");
              } else {
                res.status(Status.SERVICE_UNAVAILABLE_503);
                send(res, "text/plain", "first pass not finished\n");
              }
            });
  }

  private static void send(ServerResponse res, String contentType, String body) {
    res.header(HeaderNames.CONTENT_TYPE, contentType);
    res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
    res.header(
        HeaderNames.create("Content-Security-Policy"),
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    res.header(HeaderNames.CACHE_CONTROL, "no-store");
    res.send(body);
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
