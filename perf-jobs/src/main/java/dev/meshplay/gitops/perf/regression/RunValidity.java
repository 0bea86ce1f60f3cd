package dev.meshplay.gitops.perf.regression;

import dev.meshplay.gitops.perf.load.LoadModel;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a run measured what it was asked to: a run that did not hold its rate, whose generator
 * fell behind, or that could not connect is {@code invalid}, never {@code regressed} — its
 * latencies describe the generator or the network, not the product.
 */
final class RunValidity {

  private RunValidity() {}

  /** Why {@code result} cannot be judged, or empty when it can. */
  static Optional<String> problem(BenchmarkResult result, RegressionSettings settings) {
    if (!result.validity().valid()) {
      return Optional.of("the generator fell behind: " + result.validity().reason());
    }
    if (result.loadModel() == LoadModel.OPEN_LOOP) {
      double target = targetRate(result);
      if (target > 0 && result.actualQps() < settings.minRateRatio() * target) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "achieved %.1f req/s, under %.0f%% of the target %.1f req/s",
                result.actualQps(),
                settings.minRateRatio() * 100,
                target));
      }
    }
    long requests = Math.max(1, result.requests());
    double connect = (double) result.errors().connect() / requests;
    if (connect > settings.maxConnectErrors()) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%.1f%% of requests could not connect (bound %.1f%%)",
              connect * 100,
              settings.maxConnectErrors() * 100));
    }
    return Optional.empty();
  }

  private static double targetRate(BenchmarkResult result) {
    String qps = result.generatorOptions().getOrDefault("qps", "0").split(" ")[0];
    try {
      return Double.parseDouble(qps);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
