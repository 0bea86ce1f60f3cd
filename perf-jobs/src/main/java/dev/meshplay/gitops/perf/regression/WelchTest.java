package dev.meshplay.gitops.perf.regression;

/**
 * Welch's two-sample t-test (unequal variances): do two segments of a series have different means?
 * Used to check a change point the energy statistic proposed.
 */
final class WelchTest {

  private WelchTest() {}

  /** The two-sided p-value for {@code a[from..split)} against {@code a[split..to)}. */
  static double pValue(double[] a, int from, int split, int to) {
    int n1 = split - from;
    int n2 = to - split;
    if (n1 < 2 || n2 < 2) {
      return 1;
    }
    double m1 = mean(a, from, split);
    double m2 = mean(a, split, to);
    double v1 = variance(a, from, split, m1) / n1;
    double v2 = variance(a, split, to, m2) / n2;
    double se = v1 + v2;
    if (se == 0) {
      return m1 == m2 ? 1 : 0;
    }
    double t = (m1 - m2) / Math.sqrt(se);
    double df = se * se / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
    return StudentT.twoSidedP(t, df);
  }

  static double mean(double[] a, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += a[i];
    }
    return sum / (to - from);
  }

  private static double variance(double[] a, int from, int to, double mean) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (a[i] - mean) * (a[i] - mean);
    }
    return sum / (to - from - 1);
  }
}
