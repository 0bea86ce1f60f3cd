package dev.meshplay.gitops.perf.regression;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Change points of a series by E-divisive means (Matteson and James; as Hunter / Apache Otava use
 * it, Fleming et al., ICPE 2023): within a window, the split maximising the energy distance between
 * the two sides is the candidate; Welch's t-test, instead of a permutation test, decides whether it
 * is real, which makes the result deterministic. Accepted splits are searched again on each side
 * (binary segmentation). Windows slide by at most half their length so a long series costs linear
 * time, and a shift is re-tested against its neighbours once all windows are merged.
 */
public final class EDivisive {

  private final ChangePointSettings settings;

  public EDivisive(ChangePointSettings settings) {
    this.settings = settings;
  }

  /** The change points of {@code series}, by index, oldest first. */
  public List<ChangePoint> changePoints(double[] series) {
    TreeMap<Integer, Double> found = new TreeMap<>();
    int n = series.length;
    // Consecutive windows must overlap enough that every split is at least a segment away from
    // both edges of some window.
    int min = settings.minSegment();
    int step = Math.max(1, Math.min(settings.window() / 2, settings.window() - 2 * min + 1));
    for (int start = 0; ; start += step) {
      int end = Math.min(n, start + settings.window());
      int from = Math.max(0, end - settings.window());
      segment(series, from, end, found);
      if (end == n) {
        break;
      }
    }
    return confirmed(series, merged(found));
  }

  private void segment(double[] a, int from, int to, TreeMap<Integer, Double> found) {
    int min = settings.minSegment();
    if (to - from < 2 * min) {
      return;
    }
    int best = -1;
    double bestQ = Double.NEGATIVE_INFINITY;
    for (int split = from + min; split <= to - min; split++) {
      double q = energy(a, from, split, to);
      if (q > bestQ) {
        bestQ = q;
        best = split;
      }
    }
    double p = WelchTest.pValue(a, from, best, to);
    if (!significant(a, from, best, to, p)) {
      return;
    }
    found.merge(best, p, Math::min);
    segment(a, from, best, found);
    segment(a, best, to, found);
  }

  private boolean significant(double[] a, int from, int split, int to, double p) {
    double before = WelchTest.mean(a, from, split);
    double after = WelchTest.mean(a, split, to);
    double change = before == 0 ? 0 : Math.abs(after / before - 1);
    return p <= settings.maxPValue() && change >= settings.minChange();
  }

  /** The energy statistic (exponent 1) of splitting {@code [from,to)} at {@code split}. */
  static double energy(double[] a, int from, int split, int to) {
    int m = split - from;
    int k = to - split;
    double between = 0;
    for (int i = from; i < split; i++) {
      for (int j = split; j < to; j++) {
        between += Math.abs(a[i] - a[j]);
      }
    }
    double left = within(a, from, split);
    double right = within(a, split, to);
    double e = 2 * between / (m * (double) k) - left - right;
    return e * m * k / (m + k);
  }

  private static double within(double[] a, int from, int to) {
    int n = to - from;
    if (n < 2) {
      return 0;
    }
    double sum = 0;
    for (int i = from; i < to; i++) {
      for (int j = i + 1; j < to; j++) {
        sum += Math.abs(a[i] - a[j]);
      }
    }
    return sum / (n * (n - 1) / 2.0);
  }

  /** Candidates closer than a segment apart (seen from overlapping windows) keep the strongest. */
  private List<Integer> merged(TreeMap<Integer, Double> found) {
    List<Integer> kept = new ArrayList<>();
    found.entrySet().stream()
        .sorted(Comparator.comparingDouble(e -> e.getValue()))
        .forEach(
            e -> {
              if (kept.stream().noneMatch(k -> Math.abs(k - e.getKey()) < settings.minSegment())) {
                kept.add(e.getKey());
              }
            });
    kept.sort(Comparator.naturalOrder());
    return kept;
  }

  /** Each split tested again between its neighbours (at most a window away on each side). */
  private List<ChangePoint> confirmed(double[] a, List<Integer> splits) {
    List<ChangePoint> out = new ArrayList<>();
    for (int i = 0; i < splits.size(); i++) {
      int split = splits.get(i);
      int from = Math.max(i == 0 ? 0 : splits.get(i - 1), split - settings.window() / 2);
      int to =
          Math.min(
              i == splits.size() - 1 ? a.length : splits.get(i + 1), split + settings.window() / 2);
      double p = WelchTest.pValue(a, from, split, to);
      if (significant(a, from, split, to, p)) {
        out.add(
            new ChangePoint(
                split, WelchTest.mean(a, from, split), WelchTest.mean(a, split, to), p));
      }
    }
    return out;
  }
}
