package dev.meshplay.gitops.perf.regression;

import java.util.Locale;

/**
 * A relative change of one metric against the baseline with its confidence interval: +0.18 is 18%
 * higher than the baseline.
 *
 * @param metric {@code p50}, {@code p99} or {@code rps}
 * @param confidence the interval's level, e.g. 0.95
 */
public record Effect(String metric, double estimate, double low, double high, double confidence) {

  /** Like {@code p99 +18% [+11%, +26%], 95%}. */
  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s %s [%s, %s], %d%%",
        metric,
        percent(estimate),
        percent(low),
        percent(high),
        Math.round(confidence * 100));
  }

  static String percent(double change) {
    double p = change * 100;
    String digits =
        Math.abs(p) < 10 ? String.format(Locale.ROOT, "%.1f", p) : Long.toString(Math.round(p));
    return (p >= 0 ? "+" : "") + digits + "%";
  }
}
