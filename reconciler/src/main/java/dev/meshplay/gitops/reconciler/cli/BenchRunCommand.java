package dev.meshplay.gitops.reconciler.cli;

import dev.meshplay.gitops.perf.BenchmarkRunner;
import dev.meshplay.gitops.perf.Benchmarks;
import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.profile.ProfileReader;
import dev.meshplay.gitops.perf.profile.ProfileReading;
import dev.meshplay.gitops.perf.prometheus.PrometheusQueries;
import dev.meshplay.gitops.perf.prometheus.ServerMetricsRunner;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import dev.meshplay.gitops.perf.result.ResultFormat;
import dev.meshplay.gitops.perf.result.SummaryTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs one profile now: a live progress line on stderr, then the result on stdout. Exit 0 when the
 * run is valid and every threshold holds, 1 otherwise.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run one benchmark profile now and print its result.",
      "Progress goes to stderr; the result (-o json: the SMP-style document with actual_qps at",
      "its top level) to stdout. Exit 0: valid and every threshold holds; 1: otherwise."
    })
public final class BenchRunCommand implements Callable<Integer> {
  /** How the result is printed. */
  enum Output {
    text,
    json,
    yaml
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A benchmark profile (YAML).")
  Path file;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "text, json or yaml (default: ${DEFAULT-VALUE}).")
  Output output;

  @Option(
      names = "--prometheus",
      paramLabel = "URL",
      description = {
        "A Prometheus to read node CPU and memory from over the run's window; they are stored",
        "with the result as server_metrics."
      })
  java.net.URI prometheus;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProfileReading reading = new ProfileReader().read(file);
    reading.diagnostics().forEach(d -> err.println(d));
    if (!(reading instanceof ProfileReading.Accepted accepted)) {
      err.flush();
      return 1;
    }
    BenchmarkRunner runner = Benchmarks.standard();
    if (prometheus != null) {
      runner =
          new ServerMetricsRunner(
              runner,
              new PrometheusQueries(prometheus),
              warning -> err.println("warning: " + warning));
    }
    BenchmarkResult result;
    try {
      result =
          runner.run(
              accepted.profile(),
              progress -> {
                err.print("\r" + progress.line());
                err.flush();
              });
    } catch (LoadGeneratorException e) {
      err.println();
      err.println("error: " + e.getMessage());
      err.flush();
      return 1;
    }
    err.println();
    err.flush();
    err.flush();
    out.print(
        switch (output) {
          case text -> SummaryTable.render(result);
          case json -> ResultFormat.JSON.write(result);
          case yaml -> ResultFormat.YAML.write(result);
        });
    out.println();
    out.flush();
    return result.passed() ? 0 : 1;
  }
}
