package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.bench.BenchmarkResults;
import dev.meshplay.gitops.reconciler.metrics.GitOpsMetrics;
import dev.meshplay.gitops.reconciler.metrics.StateMetrics;
import dev.meshplay.gitops.reconciler.prplan.PullRequestPlan;
import dev.meshplay.gitops.reconciler.prplan.PullRequestPlans;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The read-only web server: the pages, the JSON API, metrics and health endpoints. */
public final class StatusServer implements AutoCloseable {
  private final WebServer server;
  private final EventStream stream;

  private StatusServer(WebServer server, EventStream stream) {
    this.server = server;
    this.stream = stream;
  }

  /** Starts on {@code host:port} (port 0 picks a free one) with metrics of its own. */
  public static StatusServer start(
      String host, int port, StatusStore store, BenchmarkResults benchmarks) {
    return start(host, port, store, benchmarks, new GitOpsMetrics(Clock.systemUTC()));
  }

  /** The same, exporting the loop's {@code metrics} (and state gauges added to its registry). */
  public static StatusServer start(
      String host,
      int port,
      StatusStore store,
      BenchmarkResults benchmarks,
      GitOpsMetrics metrics) {
    return start(host, port, store, benchmarks, metrics, null, NO_PULLS);
  }

  /**
   * The daemon's server: the read-only routes plus, when {@code webhooks} is given, {@code POST
   * /hooks/{provider}/{source}}, the one route that is not a GET.
   */
  public static StatusServer start(
      String host,
      int port,
      StatusStore store,
      BenchmarkResults benchmarks,
      GitOpsMetrics metrics,
      WebhookRoute webhooks,
      PullRequestPlans pulls) {
    return start(host, port, store, benchmarks, metrics, webhooks, pulls, ServerParts.none());
  }

  /** The same, with the recent events, the last passes' manifests and access control. */
  public static StatusServer start(
      String host,
      int port,
      StatusStore store,
      BenchmarkResults benchmarks,
      GitOpsMetrics metrics,
      WebhookRoute webhooks,
      PullRequestPlans pulls,
      ServerParts parts) {
    StateMetrics.register(metrics.registry(), store, benchmarks);
    EventStream stream = new EventStream(parts.events());
    List<Route> routes =
        routes(store, benchmarks, new MetricsEndpoint(metrics.registry()), pulls, parts, stream);
    WebServer server =
        WebServer.builder()
            .host(host)
            .port(port)
            .routing(
                routing -> {
                  if (!parts.access().isOpen()) {
                    routing.addFilter(new AccessFilter(parts.access()));
                  }
                  register(routing, routes);
                  if (webhooks != null) {
                    routing.post(WebhookRoute.PATH, webhooks);
                  }
                })
            .build()
            .start();
    return new StatusServer(server, stream);
  }

  /** The routes on a fresh registry, separate from the server so tests can use them in memory. */
  public static void routing(
      HttpRouting.Builder routing, StatusStore store, BenchmarkResults benchmarks) {
    GitOpsMetrics metrics = new GitOpsMetrics(Clock.systemUTC());
    StateMetrics.register(metrics.registry(), store, benchmarks);
    register(routing, routes(store, benchmarks, new MetricsEndpoint(metrics.registry())));
  }

  /** No pull requests tracked: for servers without a daemon behind them. */
  static final PullRequestPlans NO_PULLS =
      new PullRequestPlans() {
        @Override
        public List<PullRequestPlan> all() {
          return List.of();
        }

        @Override
        public Optional<PullRequestPlan> find(String source, String ref) {
          return Optional.empty();
        }
      };

  static List<Route> routes(
      StatusStore store, BenchmarkResults benchmarks, MetricsEndpoint metrics) {
    return routes(store, benchmarks, metrics, NO_PULLS);
  }

  static List<Route> routes(
      StatusStore store,
      BenchmarkResults benchmarks,
      MetricsEndpoint metrics,
      PullRequestPlans pulls) {
    ServerParts parts = ServerParts.none();
    return routes(store, benchmarks, metrics, pulls, parts, new EventStream(parts.events()));
  }

  /** Every route the server has: all GET. The webhook, when added, is the one exception. */
  static List<Route> routes(
      StatusStore store,
      BenchmarkResults benchmarks,
      MetricsEndpoint metrics,
      PullRequestPlans pulls,
      ServerParts parts,
      EventStream stream) {
    List<Route> live = LiveRoutes.of(store, parts, stream);
    List<Route> all = new java.util.ArrayList<>(live);
    all.addAll(core(store, benchmarks, metrics, pulls, parts));
    return List.copyOf(all);
  }

  private static List<Route> core(
      StatusStore store,
      BenchmarkResults benchmarks,
      MetricsEndpoint metrics,
      PullRequestPlans pulls,
      ServerParts parts) {
    RenderCache overview = new RenderCache(store, StatusPage::render);
    RenderCache status = new RenderCache(store, StatusJson::of);
    RenderCache clusters = new RenderCache(store, ClustersPage::render);
    RenderCache clustersJson = new RenderCache(store, ClustersJson::of);
    return List.of(
        Route.get("/pulls", (req, res) -> html(res, PullRequestsPage.render(pulls))),
        Route.get("/api/v1/pulls", (req, res) -> json(res, PullRequestsPage.json(pulls))),
        Route.get("/", (req, res) -> Responses.send(res, Responses.HTML, overview.get())),
        Route.get("/design", (req, res) -> design(req, res, store, parts, false)),
        Route.get("/clusters", (req, res) -> Responses.send(res, Responses.HTML, clusters.get())),
        Route.get("/benchmarks", (req, res) -> html(res, BenchmarksPage.render(benchmarks))),
        Route.get("/benchmarks/chart", (req, res) -> BenchmarksPage.chart(req, res, benchmarks)),
        Route.get(StyleSheet.PATH, (req, res) -> Responses.send(res, "text/css", StyleSheet.CSS)),
        Route.get(
            "/api/v1/status", (req, res) -> Responses.send(res, Responses.JSON, status.get())),
        Route.get("/api/v1/design", (req, res) -> design(req, res, store, parts, true)),
        Route.get(
            "/api/v1/clusters",
            (req, res) -> Responses.send(res, Responses.JSON, clustersJson.get())),
        Route.get("/api/v1/benchmarks", (req, res) -> json(res, BenchmarksJson.of(benchmarks))),
        Route.get("/metrics", metrics::handle),
        Route.get("/healthz", (req, res) -> Responses.send(res, Responses.TEXT, "ok\n")),
        Route.get(
            "/readyz",
            (req, res) -> {
              if (store.ready()) {
                Responses.send(res, Responses.TEXT, "ready\n");
              } else {
                res.status(Status.SERVICE_UNAVAILABLE_503);
                Responses.send(res, Responses.TEXT, "first pass not finished\n");
              }
            }));
  }

  private static void register(HttpRouting.Builder routing, List<Route> routes) {
    routes.forEach(r -> routing.route(r.method(), r.path(), r.handler()));
  }

  private static void design(
      ServerRequest req, ServerResponse res, StatusStore store, ServerParts parts, boolean asJson) {
    var query = req.query();
    Optional<DesignRef.Found> found =
        new DesignRef(
                query.first("source").orElse(""),
                query.first("cluster").orElse(""),
                query.first("path").orElse(""))
            .find(store.sources());
    if (found.isEmpty()) {
      LiveRoutes.notFound(res, asJson, "no such design");
    } else {
      var f = found.get();
      var manifest =
          parts.manifests().find(f.source().name(), f.cluster().cluster(), f.design().key());
      if (asJson) {
        json(res, DesignJson.of(f, manifest));
      } else {
        html(res, DesignPage.render(f, manifest));
      }
    }
  }

  private static void html(ServerResponse res, String body) {
    Responses.send(res, Responses.HTML, body);
  }

  private static void json(ServerResponse res, String body) {
    Responses.send(res, Responses.JSON, body);
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    stream.close();
    server.stop();
  }
}
