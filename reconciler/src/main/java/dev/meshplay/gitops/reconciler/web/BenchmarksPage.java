package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.bench.BenchmarkResults;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/** The benchmarks page: per profile the next run, the latest result and verdict, and charts. */
final class BenchmarksPage {
  static final String CHART_PATH = "/benchmarks/chart";
  private static final Set<String> CHARTS = Set.of("latency.svg", "throughput.svg");

  private BenchmarksPage() {}

  static String render(BenchmarkResults benchmarks) {
    StringBuilder html = new StringBuilder(2048);
    if (benchmarks.profiles().isEmpty() && benchmarks.problems().isEmpty()) {
      html.append("<h2>Benchmarks</h2><p class=\"muted\">No benchmark profiles found.</p>");
    }
    BenchmarkSection.render(html, benchmarks);
    return Layout.page("Benchmarks", Layout.Nav.BENCHMARKS, 10, html);
  }

  /** The address of a profile's report chart, as committed beside its REPORT.md. */
  static String chartUrl(String source, String profileId, String file) {
    return CHART_PATH
        + "?source="
        + URLEncoder.encode(source, StandardCharsets.UTF_8)
        + "&profile="
        + URLEncoder.encode(profileId, StandardCharsets.UTF_8)
        + "&file="
        + file;
  }

  /** Serves a chart: the same SVG the daemon committed, so page and repository agree. */
  static void chart(ServerRequest req, ServerResponse res, BenchmarkResults benchmarks) {
    var query = req.query();
    String file = query.first("file").orElse("");
    Optional<String> svg =
        CHARTS.contains(file)
            ? benchmarks.chart(
                query.first("source").orElse(""), query.first("profile").orElse(""), file)
            : Optional.empty();
    if (svg.isEmpty()) {
      Responses.notFound(res, Responses.TEXT, "no such chart\n");
    } else {
      Responses.send(res, "image/svg+xml", svg.get());
    }
  }
}
