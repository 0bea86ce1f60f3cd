package dev.meshplay.gitops.reconciler.soak;

/**
 * How much one metric may grow after the warm-up (the second half of a soak) and still be flat.
 *
 * @param maxPerMinute the steepest fitted slope allowed, in the metric's unit per minute
 * @param maxNewHigh how far the second half's highest sample may exceed the first half's highest; a
 *     leak keeps setting new highs, a transient worker does not
 * @param ceiling the highest any single sample may be, whole run; for what is bounded by design
 *     rather than flat (open Git packs), infinite for the rest
 */
public record Bound(Metric metric, double maxPerMinute, double maxNewHigh, double ceiling) {

  /** A metric that must stay flat, with no ceiling of its own. */
  public Bound(Metric metric, double maxPerMinute, double maxNewHigh) {
    this(metric, maxPerMinute, maxNewHigh, Double.POSITIVE_INFINITY);
  }

  /** A metric that may rise and fall at any rate but never above {@code ceiling}. */
  public static Bound ceiling(Metric metric, double ceiling) {
    return new Bound(metric, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, ceiling);
  }
}
