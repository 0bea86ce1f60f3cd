package dev.meshplay.gitops.perf.result;

import dev.meshplay.gitops.perf.load.Latencies;
import java.util.Locale;

/** The human summary {@code bench run} prints at the end of a run. */
public final class SummaryTable {

  private SummaryTable() {}

  public static String render(BenchmarkResult r) {
    StringBuilder out = new StringBuilder();
    Latencies l = r.latencies();
    line(out, "benchmark", r.name() + " (" + r.source() + ")");
    line(
        out,
        "generator",
        r.loadGenerator()
            + ", "
            + r.loadModel().key()
            + (r.loadModel().coordinatedOmissionCorrected()
                ? " (latency from intended send time)"
                : " (service time: stalls are not fully visible)"));
    line(
        out,
        "requests",
        String.format(
            Locale.ROOT,
            "%d in %.1fs, %.1f req/s",
            r.requests(),
            java.time.Duration.between(r.startTime(), r.endTime()).toMillis() / 1000.0,
            r.actualQps()));
    line(
        out,
        "latency ms",
        String.format(
            Locale.ROOT,
            "min %.2f  avg %.2f  p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f",
            l.min(),
            l.average(),
            l.p50(),
            l.p90(),
            l.p99(),
            l.p999(),
            l.max()));
    line(
        out,
        "errors",
        String.format(
            Locale.ROOT,
            "%d (%.2f%%) %s",
            r.errors().total(),
            r.errorRate() * 100,
            r.errors().total() == 0 ? "" : r.errors().asMap()));
    if (!r.validity().valid()) {
      line(out, "INVALID", r.validity().reason());
    }
    for (ThresholdOutcome t : r.thresholds()) {
      line(
          out,
          t.pass() ? "pass" : "FAIL",
          String.format(Locale.ROOT, "%s (actual %.3f)", t.threshold(), t.actual()));
    }
    line(out, "result", r.passed() ? "passed" : "failed");
    return out.toString();
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "%-11s %s%n", label, value.strip()));
  }
}
