package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.perf.result.BenchmarkResult;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark profile's p50 and p99 over its recent runs as inline SVG: drawn on the server with
 * presentation attributes only, so it needs neither script nor inline style under the CSP.
 */
final class TrendChart {
  /** One run as the chart needs it. */
  record Run(double p50Ms, double p99Ms, boolean passed) {
    static Run of(BenchmarkResult r) {
      return new Run(r.latencies().p50(), r.latencies().p99(), r.passed());
    }
  }

  static final int WIDTH = 480;
  static final int HEIGHT = 120;
  private static final int PAD = 6;

  private TrendChart() {}

  static String svg(String title, List<Run> runs) {
    double max = runs.stream().mapToDouble(r -> Math.max(r.p50Ms(), r.p99Ms())).max().orElse(0);
    double top = max <= 0 ? 1 : max * 1.1;
    StringBuilder svg = new StringBuilder(512 + runs.size() * 64);
    svg.append(
            "<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\"><title>")
        .append(Html.escape(title))
        .append(": p50 and p99 latency of the last ")
        .append(runs.size())
        .append(" runs, up to ")
        .append(format(max))
        .append(" ms</title>")
        .append("<rect x=\"0\" y=\"0\" width=\"100%\" height=\"100%\" fill=\"#f7f8fa\"/>");
    svg.append(line(runs, top, true, "#d97706")).append(line(runs, top, false, "#2563eb"));
    for (int i = 0; i < runs.size(); i++) {
      Run r = runs.get(i);
      svg.append("<circle cx=\"")
          .append(format(x(i, runs.size())))
          .append("\" cy=\"")
          .append(format(y(r.p99Ms(), top)))
          .append("\" r=\"3\" fill=\"")
          .append(r.passed() ? "#15803d" : "#b91c1c")
          .append("\"/>");
    }
    svg.append("<text x=\"")
        .append(PAD)
        .append("\" y=\"14\" font-size=\"11\" fill=\"#667\">")
        .append(format(max))
        .append(" ms</text></svg>");
    return svg.toString();
  }

  private static String line(List<Run> runs, double top, boolean p99, String colour) {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < runs.size(); i++) {
      double value = p99 ? runs.get(i).p99Ms() : runs.get(i).p50Ms();
      points
          .append(format(x(i, runs.size())))
          .append(',')
          .append(format(y(value, top)))
          .append(' ');
    }
    return "<polyline class=\""
        + (p99 ? "p99" : "p50")
        + "\" fill=\"none\" stroke=\""
        + colour
        + "\" stroke-width=\"2\" points=\""
        + points.toString().trim()
        + "\"/>";
  }

  private static double x(int i, int n) {
    return n <= 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2.0 * PAD) / (n - 1);
  }

  private static double y(double value, double top) {
    return HEIGHT - PAD - value / top * (HEIGHT - 2.0 * PAD);
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
