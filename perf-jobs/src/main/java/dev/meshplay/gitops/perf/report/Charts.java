package dev.meshplay.gitops.perf.report;

import dev.meshplay.gitops.perf.history.SeriesLine;
import dev.meshplay.gitops.perf.history.Shift;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.profile.Threshold;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The two charts of a report: p50 and p99 over time, and throughput over time. */
final class Charts {

  private Charts() {}

  static String latency(BenchmarkProfile profile, List<SeriesLine> series, List<Shift> shifts) {
    return SeriesChart.svg(
        profile.name() + ": latency (p50, p99)",
        "ms",
        series.size(),
        List.of(
            new SeriesChart.Line("p50", "#1f77b4", values(series, SeriesLine::p50)),
            new SeriesChart.Line("p99", "#ff7f0e", values(series, SeriesLine::p99))),
        changes(shifts, List.of("p50", "p99")),
        RunReport.limits(profile, List.of(Threshold.Metric.P50, Threshold.Metric.P99)));
  }

  static String throughput(BenchmarkProfile profile, List<SeriesLine> series, List<Shift> shifts) {
    return SeriesChart.svg(
        profile.name() + ": throughput",
        "req/s",
        series.size(),
        List.of(new SeriesChart.Line("req/s", "#2ca02c", values(series, SeriesLine::rps))),
        changes(shifts, List.of("rps")),
        RunReport.limits(profile, List.of(Threshold.Metric.RPS)));
  }

  private static double[] values(List<SeriesLine> series, ToDoubleFunction<SeriesLine> figure) {
    // Invalid runs are left out of the lines: their figures describe the generator.
    return series.stream()
        .mapToDouble(l -> l.measured() ? figure.applyAsDouble(l) : Double.NaN)
        .toArray();
  }

  private static List<Integer> changes(List<Shift> shifts, List<String> metrics) {
    return shifts.stream()
        .filter(s -> metrics.contains(s.metric()))
        .map(Shift::index)
        .distinct()
        .toList();
  }
}
