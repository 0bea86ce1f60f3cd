package dev.meshplay.gitops.perf.result;

import dev.meshplay.gitops.perf.load.Latencies;
import dev.meshplay.gitops.perf.load.Measurement;
import dev.meshplay.gitops.perf.profile.Threshold;

/**
 * A threshold judged against a run.
 *
 * @param threshold the condition as written in the profile
 * @param actual the measured value in the metric's canonical unit (ms, fraction, req/s)
 */
public record ThresholdOutcome(String threshold, double actual, boolean pass) {

  /** Judges one threshold against a measurement. */
  public static ThresholdOutcome judge(Threshold threshold, Measurement m) {
    double actual = value(threshold.metric(), m);
    return new ThresholdOutcome(threshold.text(), actual, threshold.holds(actual));
  }

  private static double value(Threshold.Metric metric, Measurement m) {
    Latencies l = m.latencies();
    return switch (metric) {
      case MIN -> l.min();
      case AVERAGE -> l.average();
      case P50 -> l.p50();
      case P90 -> l.p90();
      case P99 -> l.p99();
      case P999 -> l.p999();
      case MAX -> l.max();
      case ERROR_RATE -> m.errorRate();
      case RPS -> m.actualQps();
    };
  }
}
