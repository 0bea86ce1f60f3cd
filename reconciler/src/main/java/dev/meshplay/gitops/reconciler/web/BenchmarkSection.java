package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.Html.escape;

import dev.meshplay.gitops.perf.regression.Verdict;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import dev.meshplay.gitops.reconciler.bench.BenchmarkResults;
import java.util.Locale;

/** The benchmarks part of the page: per profile, the next run and the latest results. */
final class BenchmarkSection {
  private BenchmarkSection() {}

  static void render(StringBuilder html, BenchmarkResults benchmarks) {
    if (benchmarks.profiles().isEmpty() && benchmarks.problems().isEmpty()) {
      return;
    }
    html.append("<h2>Benchmarks</h2>");
    for (String problem : benchmarks.problems()) {
      html.append("<p class=\"err\"><code>").append(escape(problem)).append("</code></p>");
    }
    html.append(
        "<table><tr><th>Profile</th><th>Next run</th><th>Last run</th><th>Result</th>"
            + "<th>req/s</th><th>p50 ms</th><th>p99 ms</th><th>errors</th><th>Verdict</th></tr>");
    for (BenchmarkResults.ProfileStatus p : benchmarks.profiles()) {
      html.append("<tr><td>")
          .append(escape(p.name()))
          .append(" <span class=\"muted\">")
          .append(escape(p.file()))
          .append("</span></td><td>")
          .append(escape(p.nextRun() == null ? "" : p.nextRun()));
      if (p.recent().isEmpty()) {
        html.append("</td><td colspan=\"7\">")
            .append(p.lastError() == null ? "not run yet" : escape(p.lastError()))
            .append("</td></tr>");
        continue;
      }
      BenchmarkResult last = p.recent().get(p.recent().size() - 1);
      String verdict = last.passed() ? "Synced\">passed" : "Failed\">failed";
      html.append("</td><td>")
          .append(escape(last.endTime()))
          .append("</td><td><span class=\"badge ")
          .append(verdict)
          .append("</span></td><td>")
          .append(format(last.actualQps()))
          .append("</td><td>")
          .append(format(last.latencies().p50()))
          .append("</td><td>")
          .append(format(last.latencies().p99()))
          .append("</td><td>")
          .append(format(100 * last.errorRate()))
          .append("%</td><td>");
      if (p.verdict() != null) {
        html.append("<span class=\"badge ")
            .append(badge(p.verdict().kind()))
            .append("\">")
            .append(escape(p.verdict().kind().word()))
            .append("</span> <span class=\"muted\">")
            .append(escape(p.verdict().reason()))
            .append("</span>");
      }
      html.append("</td></tr>");
    }
    html.append("</table>");
    for (BenchmarkResults.ProfileStatus p : benchmarks.profiles()) {
      if (!p.recent().isEmpty()) {
        html.append("<h3>")
            .append(escape(p.name()))
            .append(
                " <span class=\"muted\">p50 (blue), p99 (orange); dots green passed, red failed</span></h3>")
            .append(TrendChart.svg(p.name(), p.recent().stream().map(TrendChart.Run::of).toList()));
      }
      for (String chart : p.charts().keySet().stream().sorted().toList()) {
        html.append("<p><img alt=\"")
            .append(escape(p.name() + " " + chart))
            .append("\" src=\"")
            .append(escape(BenchmarksPage.chartUrl(p.source(), p.profileId(), chart)))
            .append("\"></p>");
      }
    }
  }

  private static String badge(Verdict.Kind kind) {
    return switch (kind) {
      case PASS, IMPROVED -> "Synced";
      case INCONCLUSIVE, INVALID -> "Progressing";
      case REGRESSED, FAILED -> "Failed";
    };
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
