package dev.meshplay.gitops.perf.history;

/**
 * A change point of one metric of a series.
 *
 * @param metric {@code p50}, {@code p99} or {@code rps}
 * @param index the index in the series of {@code first}
 * @param first the first run after the shift
 * @param before the metric's mean before it
 * @param after the mean after it
 * @param pValue Welch's t-test between the two sides
 */
public record Shift(
    String metric, int index, SeriesLine first, double before, double after, double pValue) {

  /** The relative size: +0.2 is 20% higher after. */
  public double change() {
    return before == 0 ? 0 : after / before - 1;
  }
}
