package dev.meshplay.gitops.perf.prometheus;

import dev.meshplay.gitops.perf.BenchmarkRunner;
import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.load.ProgressListener;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A runner that, after each run, reads the server side's CPU and memory over the run's window from
 * Prometheus and stores them with the result. A Prometheus that cannot answer costs the figures,
 * never the run: the result is kept and the reason goes to {@code warnings}.
 */
public final class ServerMetricsRunner implements BenchmarkRunner {
  private final BenchmarkRunner runner;
  private final PrometheusQueries prometheus;
  private final Map<String, String> queries;
  private final Consumer<String> warnings;

  public ServerMetricsRunner(
      BenchmarkRunner runner, PrometheusQueries prometheus, Consumer<String> warnings) {
    this(runner, prometheus, PrometheusQueries.NODE, warnings);
  }

  public ServerMetricsRunner(
      BenchmarkRunner runner,
      PrometheusQueries prometheus,
      Map<String, String> queries,
      Consumer<String> warnings) {
    this.runner = Objects.requireNonNull(runner);
    this.prometheus = Objects.requireNonNull(prometheus);
    this.queries = Map.copyOf(queries);
    this.warnings = Objects.requireNonNull(warnings);
  }

  @Override
  public BenchmarkResult run(BenchmarkProfile profile, ProgressListener progress)
      throws LoadGeneratorException, InterruptedException {
    BenchmarkResult result = runner.run(profile, progress);
    try {
      return result.withServerMetrics(
          prometheus.collect(queries, result.startTime(), result.endTime()));
    } catch (IOException e) {
      warnings.accept(
          profile.name() + ": no server metrics from " + prometheus.base() + ": " + e.getMessage());
      return result;
    }
  }
}
