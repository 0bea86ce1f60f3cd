package dev.meshplay.gitops.reconciler.soak;

/**
 * A least-squares line through samples of one metric, in the metric's report unit.
 *
 * @param perMinute the slope
 * @param first the fitted value at the first sample
 * @param last the fitted value at the last sample
 */
public record Trend(double perMinute, double first, double last) {

  /** The fitted growth from the first to the last sample, as a share of the first (0.1 = 10%). */
  public double growthShare() {
    return first == 0 ? 0 : (last - first) / first;
  }

  /** The line through points {@code (seconds[i], values[i])}, the slope per minute. */
  static Trend fit(double[] seconds, double[] values) {
    int n = seconds.length;
    if (n < 2 || values.length != n) {
      throw new IllegalArgumentException("a trend needs two samples, got " + n);
    }
    double meanX = java.util.Arrays.stream(seconds).sum() / n;
    double meanY = java.util.Arrays.stream(values).sum() / n;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      double dx = seconds[i] - meanX;
      sxy += dx * (values[i] - meanY);
      sxx += dx * dx;
    }
    double perSecond = sxx == 0 ? 0 : sxy / sxx;
    return new Trend(
        perSecond * 60,
        meanY + perSecond * (seconds[0] - meanX),
        meanY + perSecond * (seconds[n - 1] - meanX));
  }
}
