package dev.meshplay.gitops.perf.regression;

/**
 * A shift in the mean of a series.
 *
 * @param index the first point after the shift
 * @param before the mean of the segment before it
 * @param after the mean of the segment after it
 * @param pValue Welch's t-test between the two segments
 */
public record ChangePoint(int index, double before, double after, double pValue) {

  /** The relative size of the shift: +0.2 is 20% higher after. */
  public double change() {
    return before == 0 ? 0 : after / before - 1;
  }
}
