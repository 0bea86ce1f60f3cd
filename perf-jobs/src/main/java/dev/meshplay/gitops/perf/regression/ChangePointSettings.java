package dev.meshplay.gitops.perf.regression;

/**
 * How change points are searched: sliding windows of {@code window} points (half-overlapping), a
 * candidate kept when Welch's t-test gives at most {@code maxPValue} and the means differ by at
 * least {@code minChange}, and segments of at least {@code minSegment} points.
 */
public record ChangePointSettings(int window, double maxPValue, double minChange, int minSegment) {

  /** In the spirit of Hunter / Apache Otava and MongoDB's CI. */
  public static final ChangePointSettings DEFAULTS = new ChangePointSettings(40, 0.001, 0.05, 5);

  public ChangePointSettings {
    if (minSegment < 2) {
      throw new IllegalArgumentException("minSegment must be at least 2, not " + minSegment);
    }
    if (window < 2 * minSegment) {
      throw new IllegalArgumentException(
          "window (" + window + ") must hold two segments of " + minSegment);
    }
  }
}
