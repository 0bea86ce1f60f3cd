package dev.meshplay.gitops.perf.load;

import org.HdrHistogram.Histogram;

/** Latency summary in milliseconds, the SMP {@code latencies_ms} block plus p99.9. */
public record Latencies(
    double min, double average, double p50, double p90, double p99, double p999, double max) {

  public static final Latencies NONE = new Latencies(0, 0, 0, 0, 0, 0, 0);

  /** Summarises a histogram of microseconds. */
  public static Latencies ofMicros(Histogram h) {
    if (h.getTotalCount() == 0) {
      return NONE;
    }
    return new Latencies(
        ms(h.getMinValue()),
        h.getMean() / 1000.0,
        ms(h.getValueAtPercentile(50)),
        ms(h.getValueAtPercentile(90)),
        ms(h.getValueAtPercentile(99)),
        ms(h.getValueAtPercentile(99.9)),
        ms(h.getMaxValue()));
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
