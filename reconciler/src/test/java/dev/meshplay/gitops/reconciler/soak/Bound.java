package dev.meshplay.gitops.reconciler.soak;

/**
 * How much one metric may grow after the warm-up (the second half of a soak) and still be flat.
 *
 * @param maxPerMinute the steepest fitted slope allowed, in the metric's unit per minute
 * @param maxNewHigh how far the second half's highest sample may exceed the first half's highest; a
 *     leak keeps setting new highs, a transient worker does not
 */
public record Bound(Metric metric, double maxPerMinute, double maxNewHigh) {}
