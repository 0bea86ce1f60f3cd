package dev.meshplay.gitops.perf.regression;

import java.util.Locale;

/**
 * How often change-point detection fires on pure noise (false positives) and how often it finds a
 * real step (power), with the default settings, over many seeds. Run with {@code exec:java};
 * properties {@code seeds} (default 2000).
 */
public final class ChangePointBenchmark {

  private ChangePointBenchmark() {}

  public static void main(String[] args) {
    int seeds = Integer.getInteger("seeds", 2000);
    EDivisive search = new EDivisive(ChangePointSettings.DEFAULTS);
    System.out.printf(
        Locale.ROOT, "%d seeds per row, defaults %s%n", seeds, ChangePointSettings.DEFAULTS);
    System.out.println(
        "runs  noise(sd/mean)  step   series with a change point  found at the step (+-1)");
    for (int n : new int[] {60, 200}) {
      for (double noise : new double[] {0.02, 0.05, 0.10}) {
        for (double step : new double[] {0, 0.10, 0.20}) {
          int fired = 0;
          int atStep = 0;
          for (long seed = 0; seed < seeds; seed++) {
            double[] series = ChangePointTest.noise(seed, n, 100, 100 * noise);
            int at = n * 2 / 3;
            for (int i = at; i < n && step > 0; i++) {
              series[i] *= 1 + step;
            }
            var found = search.changePoints(series);
            if (!found.isEmpty()) {
              fired++;
            }
            if (found.stream().anyMatch(c -> Math.abs(c.index() - at) <= 1)) {
              atStep++;
            }
          }
          System.out.printf(
              Locale.ROOT,
              "%4d  %14.0f%%  %+4.0f%%  %25.2f%%  %22s%n",
              n,
              noise * 100,
              step * 100,
              100.0 * fired / seeds,
              step > 0 ? String.format(Locale.ROOT, "%.1f%%", 100.0 * atStep / seeds) : "-");
        }
      }
    }
  }
}
