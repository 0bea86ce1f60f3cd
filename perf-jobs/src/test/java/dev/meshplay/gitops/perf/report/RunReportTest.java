package dev.meshplay.gitops.perf.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.perf.history.SeriesFile;
import dev.meshplay.gitops.perf.history.Shift;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.profile.ProfileReader;
import dev.meshplay.gitops.perf.profile.ProfileReading;
import dev.meshplay.gitops.perf.regression.Baseline;
import dev.meshplay.gitops.perf.regression.CanaryRun;
import dev.meshplay.gitops.perf.regression.Verdict;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import dev.meshplay.gitops.perf.result.ResultFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunReportTest {

  private static final BenchmarkProfile PROFILE =
      ((ProfileReading.Accepted)
              new ProfileReader()
                  .read(
                      "benchmarks/web.yaml",
                      "name: web\nendpoints: [http://a/]\nqps: 100\n"
                          + "thresholds: ['p99 < 250ms']\n"
                          + "baseline: {runs: 5, minRuns: 3, window: 8, minSegment: 3}\n"))
          .profile();

  private final RunReport report = new RunReport(Optional.of("https://example.test/commit/"));

  /** Runs 0..n-1, slower by 50% from run {@code step} on, each on commit c<i>. */
  private RunReport.Recorded history(int n, int step) {
    String series = "";
    List<Baseline.Candidate<BenchmarkResult>> earlier = new ArrayList<>();
    RunReport.Recorded last = null;
    for (int i = 0; i < n; i++) {
      BenchmarkResult run = Runs.run(i, i < step ? 5.0 : 7.5);
      String commit = String.format("c%039d", i < step ? 1 : 2);
      last =
          report.record(
              PROFILE, PROFILE.regression(), series, earlier, run, commit, Optional.empty());
      series = last.files().get("results/web/series.tsv");
      earlier.add(new Baseline.Candidate<>(last.line().result(), last.verdict().accepted(), run));
    }
    return last;
  }

  @Test
  void aSlowdownIsJudgedRegressedAndItsChangePointNamesTheFirstSlowRun() {
    RunReport.Recorded r = history(8, 5);

    assertThat(r.verdict().kind()).isEqualTo(Verdict.Kind.REGRESSED);
    assertThat(r.shifts()).extracting(Shift::metric).contains("p50", "p99");
    Shift p50 = r.shifts().stream().filter(s -> s.metric().equals("p50")).findFirst().orElseThrow();
    assertThat(p50.index()).isEqualTo(5);
    assertThat(p50.first().commit()).startsWith("c0000");
    assertThat(p50.change()).isBetween(0.4, 0.6);
  }

  @Test
  void theFilesOfARunAreTheResultTheSeriesTheReportAndTwoCharts() {
    RunReport.Recorded r = history(8, 5);
    Map<String, String> files = r.files();

    assertThat(files.keySet())
        .contains(
            "results/web/series.tsv",
            "results/web/REPORT.md",
            "results/web/latency.svg",
            "results/web/throughput.svg");
    String result =
        files.keySet().stream()
            .filter(p -> p.matches("results/web/2026\\d{4}T\\d{6}Z-c000000\\.yaml"))
            .findFirst()
            .orElseThrow();
    assertThat(files.get(result)).contains("verdict: regressed", "design_commit: c0000");
    assertThat(ResultFormat.YAML.read(files.get(result)).intervalHistograms()).hasSize(10);
    assertThat(SeriesFile.read("series.tsv", files.get("results/web/series.tsv"))).hasSize(8);
    assertThat(files.get("results/web/REPORT.md"))
        .contains(
            "## Latest run: **regressed**",
            "https://example.test/commit/c0000",
            "![p50 and p99 over time](latency.svg)");
    assertThat(files.get("results/web/latency.svg"))
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .contains("stroke-dasharray", "p99 &lt; 250ms", ">change<");
  }

  @Test
  void writesASampleReportWhenAsked() throws Exception {
    // -Dmeshplay.sample.dir=DIR writes a sample report to look at; nothing otherwise.
    String dir = System.getProperty("meshplay.sample.dir");
    if (dir != null) {
      for (var e : history(30, 18).files().entrySet()) {
        java.nio.file.Path file = java.nio.file.Path.of(dir, e.getKey());
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, e.getValue());
      }
    }
  }

  @Test
  void theSameHistoryWritesTheSameSeriesReportAndCharts() {
    // Only the result files differ: each run has a fresh id.
    assertThat(withoutResults(history(6, 3).files()))
        .isEqualTo(withoutResults(history(6, 3).files()))
        .hasSize(4);
  }

  private static Map<String, String> withoutResults(Map<String, String> files) {
    Map<String, String> out = new java.util.TreeMap<>(files);
    out.keySet().removeIf(p -> p.endsWith(".yaml"));
    return out;
  }

  @Test
  void aRegressionWhileTheCanaryShiftedIsRecordedInconclusiveWithTheCanaryNote() {
    String series = "";
    List<Baseline.Candidate<BenchmarkResult>> earlier = new ArrayList<>();
    RunReport.Recorded last = null;
    for (int i = 0; i < 8; i++) {
      BenchmarkResult run = Runs.run(i, i < 5 ? 5.0 : 7.5);
      // The canary regressed two minutes before the last run.
      List<CanaryRun> canaries =
          List.of(
              new CanaryRun(
                  "loopback-canary",
                  run.startTime().minusSeconds(120),
                  i == 7 ? Verdict.Kind.REGRESSED : Verdict.Kind.PASS,
                  List.of()));
      last =
          report.record(
              PROFILE,
              PROFILE.regression(),
              series,
              earlier,
              run,
              "c" + "0".repeat(39),
              Optional.empty(),
              canaries);
      series = last.files().get("results/web/series.tsv");
      earlier.add(new Baseline.Candidate<>(last.line().result(), last.verdict().accepted(), run));
    }

    assertThat(last.verdict().kind()).isEqualTo(Verdict.Kind.INCONCLUSIVE);
    assertThat(last.line().verdict()).isEqualTo(Verdict.Kind.INCONCLUSIVE);
    String result = last.files().get("results/web/" + last.line().result());
    assertThat(result)
        .contains(
            "verdict: inconclusive",
            "canary: 'environment drift: canary ''loopback-canary'' regressed at the same time'");
    assertThat(ResultFormat.YAML.read(result).intervalHistograms()).hasSize(10);
    assertThat(last.files().get("results/web/REPORT.md"))
        .contains("environment drift: canary 'loopback-canary' regressed");
  }

  @Test
  void aCanaryIsNotCheckedAgainstCanariesAndItsReportSaysWhatItIs() {
    BenchmarkProfile canary =
        ((ProfileReading.Accepted)
                new ProfileReader()
                    .read(
                        "benchmarks/loopback.yaml",
                        "name: loopback-canary\ntarget: http://127.0.0.1:9/\ncanary: true\n"))
            .profile();
    BenchmarkResult run = Runs.run(0, 5.0);

    RunReport.Recorded r =
        report.record(
            canary,
            canary.regression(),
            "",
            List.of(),
            run,
            "c" + "0".repeat(39),
            Optional.empty(),
            List.of(new CanaryRun("other", run.startTime(), Verdict.Kind.REGRESSED, List.of())));

    assertThat(r.verdict().kind()).isEqualTo(Verdict.Kind.INCONCLUSIVE);
    assertThat(r.verdict().reason()).startsWith("too few runs");
    assertThat(r.files().get("results/loopback/REPORT.md"))
        .contains("This profile is a **canary**");
    assertThat(r.files().get("results/loopback/" + r.line().result())).doesNotContain("canary:");
  }

  @Test
  void theIndexListsEveryProfileWithItsVerdict() {
    RunReport.Recorded r = history(4, 10);

    String index = ResultsIndex.render(Map.of("web", r.line()));

    assertThat(index).contains("| [web](web/REPORT.md) |", "**pass**");
  }

  /** Deterministic runs built like the regression tests' synthetic ones. */
  static final class Runs {
    static BenchmarkResult run(int i, double medianMs) {
      return dev.meshplay.gitops.perf.regression.SyntheticRunsAccess.run(i, medianMs);
    }
  }
}
