package dev.meshplay.gitops.perf.regression;

import dev.meshplay.gitops.perf.result.BenchmarkResult;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The change of one figure of a run against the noise band of the same figure over the baseline
 * runs: for throughput, and for latency when results carry no interval histograms. Each resample
 * draws the baseline's median from the runs (with replacement) and gives the new run one run's
 * worth of the baseline's spread, so the interval is as wide as the run-to-run noise.
 */
final class SeriesBand {

  private SeriesBand() {}

  static Effect effect(
      String metric,
      double value,
      List<BenchmarkResult> baseline,
      ToDoubleFunction<BenchmarkResult> figure,
      RegressionSettings settings) {
    double[] runs = baseline.stream().mapToDouble(figure).toArray();
    double median = median(runs.clone());
    if (median == 0 || Double.isNaN(median) || Double.isNaN(value)) {
      return new Effect(metric, 0, 0, 0, settings.confidence());
    }
    SplittableRandom random = new SplittableRandom(seed(runs, value));
    int n = runs.length;
    double[] changes = new double[settings.resamples()];
    double[] sample = new double[n];
    for (int r = 0; r < changes.length; r++) {
      for (int i = 0; i < n; i++) {
        sample[i] = runs[random.nextInt(n)];
      }
      double m = median(sample);
      double noise = runs[random.nextInt(n)] - median;
      changes[r] = m == 0 ? 0 : (value - noise) / m - 1;
    }
    Arrays.sort(changes);
    double tail = (1 - settings.confidence()) / 2;
    return new Effect(
        metric,
        value / median - 1,
        changes[(int) Math.floor(tail * (changes.length - 1))],
        changes[(int) Math.ceil((1 - tail) * (changes.length - 1))],
        settings.confidence());
  }

  static double median(double[] values) {
    Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static long seed(double[] runs, double value) {
    return 31L * Arrays.hashCode(runs) + Double.hashCode(value);
  }
}
