package dev.meshplay.gitops.perf.report;

import dev.meshplay.gitops.perf.history.ResultPaths;
import dev.meshplay.gitops.perf.history.SeriesFile;
import dev.meshplay.gitops.perf.history.SeriesLine;
import dev.meshplay.gitops.perf.history.SeriesShifts;
import dev.meshplay.gitops.perf.history.Shift;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.profile.Threshold;
import dev.meshplay.gitops.perf.regression.Baseline;
import dev.meshplay.gitops.perf.regression.CanaryCheck;
import dev.meshplay.gitops.perf.regression.CanaryRun;
import dev.meshplay.gitops.perf.regression.ComparisonKey;
import dev.meshplay.gitops.perf.regression.RegressionSettings;
import dev.meshplay.gitops.perf.regression.RunJudge;
import dev.meshplay.gitops.perf.regression.Verdict;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import dev.meshplay.gitops.perf.result.ResultFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run added to a profile's history, as files to commit: the result (with its verdict), the
 * series with the run appended, and the report and charts written again from the whole series.
 * Pure: the same history and run give the same files.
 */
public final class RunReport {

  /** What was written and why. */
  public record Recorded(
      Verdict verdict,
      SeriesLine line,
      List<SeriesLine> series,
      List<Shift> shifts,
      Map<String, String> files) {}

  private final ReportMarkdown markdown;

  public RunReport(Optional<String> commitBase) {
    this.markdown = new ReportMarkdown(commitBase);
  }

  /**
   * @param seriesText the profile's series file as committed (empty for the first run)
   * @param earlier the earlier runs whose results are at hand, oldest first
   * @param commit the design commit the run measured
   * @param invalidBecause set when the caller knows the run cannot be judged (the design changed
   *     during it)
   */
  public Recorded record(
      BenchmarkProfile profile,
      RegressionSettings settings,
      String seriesText,
      List<Baseline.Candidate<BenchmarkResult>> earlier,
      BenchmarkResult run,
      String commit,
      Optional<String> invalidBecause) {
    return record(profile, settings, seriesText, earlier, run, commit, invalidBecause, List.of());
  }

  /**
   * As above, and a {@code regressed} or {@code improved} verdict of a non-canary profile is
   * checked against the source's canary runs ({@link CanaryCheck}).
   *
   * @param canaries judged runs of the source's canary profiles; empty when it has none
   */
  public Recorded record(
      BenchmarkProfile profile,
      RegressionSettings settings,
      String seriesText,
      List<Baseline.Candidate<BenchmarkResult>> earlier,
      BenchmarkResult run,
      String commit,
      Optional<String> invalidBecause,
      List<CanaryRun> canaries) {
    ResultPaths paths = ResultPaths.forSource(profile.source());
    List<BenchmarkResult> baseline = Baseline.of(settings).select(earlier);
    Verdict judged =
        invalidBecause
            .map(why -> Verdict.of(Verdict.Kind.INVALID, "invalid: " + why))
            .orElseGet(() -> new RunJudge(settings).judge(run, baseline));
    CanaryCheck.Outcome checked =
        profile.canary()
            ? new CanaryCheck.Outcome(judged, Optional.empty())
            : new CanaryCheck(settings.canaryWindow(), settings.minEffect())
                .apply(judged, run.startTime(), canaries);
    Verdict verdict = checked.verdict();
    String resultName = paths.resultName(run.startTime(), commit);
    SeriesLine line =
        new SeriesLine(
            run.startTime(),
            commit,
            run.latencies().p50(),
            run.latencies().p90(),
            run.latencies().p99(),
            run.latencies().p999(),
            run.actualQps(),
            run.errorRate(),
            verdict.kind(),
            ComparisonKey.of(run),
            resultName);
    String nextSeries = SeriesFile.append(seriesText, line);
    List<SeriesLine> series = SeriesFile.read(paths.series(), nextSeries);
    List<Shift> shifts = SeriesShifts.of(series, settings.changePoints());
    Map<String, String> files = new LinkedHashMap<>();
    files.put(paths.result(resultName), resultYaml(run, commit, verdict, checked.note()));
    files.put(paths.series(), nextSeries);
    files.put(
        paths.report(),
        markdown.render(
            profile.name(), profile.source(), paths, series, verdict, shifts, profile.canary()));
    files.put(paths.latencyChart(), Charts.latency(profile, series, shifts));
    files.put(paths.throughputChart(), Charts.throughput(profile, series, shifts));
    return new Recorded(verdict, line, series, shifts, files);
  }

  /** The result document with the design commit and the verdict added at its end. */
  static String resultYaml(
      BenchmarkResult run, String commit, Verdict verdict, Optional<String> canaryNote) {
    return ResultFormat.YAML.write(run)
        + "design_commit: "
        + commit
        + "\nverdict: "
        + verdict.kind().word()
        + "\nverdict_reason: "
        + quoted(verdict.reason())
        + canaryNote.map(note -> "canary: " + quoted(note)).orElse("");
  }

  private static String quoted(String text) {
    return "'" + text.replace("'", "''").replace("\n", " ") + "'\n";
  }

  /** Latency thresholds of a profile in milliseconds, for the charts. */
  static List<SeriesChart.Limit> limits(BenchmarkProfile profile, List<Threshold.Metric> metrics) {
    return profile.thresholds().stream()
        .filter(t -> metrics.contains(t.metric()))
        .map(t -> new SeriesChart.Limit(t.text(), t.limit()))
        .toList();
  }
}
