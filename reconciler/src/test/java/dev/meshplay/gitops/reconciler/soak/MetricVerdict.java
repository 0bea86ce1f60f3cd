package dev.meshplay.gitops.reconciler.soak;

/**
 * What one metric did after the warm-up, and whether that is within its bound.
 *
 * @param trend the line fitted to the floors of the second half
 * @param firstHalfHigh the highest floor of the first half, in the metric's unit
 * @param secondHalfHigh the highest floor of the second half
 * @param highest the highest single sample of the whole run
 */
public record MetricVerdict(
    Bound bound, Trend trend, double firstHalfHigh, double secondHalfHigh, double highest) {

  public boolean flat() {
    return trend.perMinute() <= bound.maxPerMinute()
        && secondHalfHigh - firstHalfHigh <= bound.maxNewHigh()
        && highest <= bound.ceiling();
  }

  /** One line a failing assertion or the report shows. */
  public String describe() {
    Metric m = bound.metric();
    return "%s: %s, slope %+.3f %s/min (bound %s), fitted %.1f -> %.1f %s (%+.1f%%), highest floor %.1f then %.1f (new high allowed %s), highest sample %.1f (ceiling %s)"
        .formatted(
            m.label(),
            flat() ? "flat" : "GROWING",
            trend.perMinute(),
            m.unit(),
            Double.isInfinite(bound.maxPerMinute())
                ? "none"
                : "%.3f".formatted(bound.maxPerMinute()),
            trend.first(),
            trend.last(),
            m.unit(),
            trend.growthShare() * 100,
            firstHalfHigh,
            secondHalfHigh,
            limit(bound.maxNewHigh()),
            highest,
            limit(bound.ceiling()));
  }

  private static String limit(double value) {
    return Double.isInfinite(value) ? "none" : "%.1f".formatted(value);
  }
}
