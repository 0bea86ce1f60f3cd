package dev.meshplay.gitops.perf.regression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.perf.result.BenchmarkResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

  private final RunJudge judge = new RunJudge(RegressionSettings.DEFAULTS);

  @Test
  void aTwentyPercentSlowerRunRegressesWithItsIntervalStated() {
    Verdict v = judge.judge(SyntheticRuns.run(1, 6.0, 10), SyntheticRuns.baseline(10, 5.0));

    assertThat(v.kind()).isEqualTo(Verdict.Kind.REGRESSED);
    Effect p50 = v.effects().get(0);
    assertThat(p50.metric()).isEqualTo("p50");
    assertThat(p50.estimate()).isBetween(0.15, 0.25);
    assertThat(p50.low()).isGreaterThan(0.05);
    assertThat(v.reason()).matches("p50 \\+\\d+% \\[\\+\\d+%, \\+\\d+%\\], 95%.*");
  }

  @Test
  void aRunLikeItsBaselinePasses() {
    Verdict v = judge.judge(SyntheticRuns.run(99, 5.0, 10), SyntheticRuns.baseline(10, 5.0));

    assertThat(v.kind()).isEqualTo(Verdict.Kind.PASS);
  }

  @Test
  void aFasterRunImproves() {
    Verdict v = judge.judge(SyntheticRuns.run(7, 3.5, 10), SyntheticRuns.baseline(10, 5.0));

    assertThat(v.kind()).isEqualTo(Verdict.Kind.IMPROVED);
  }

  @Test
  void tooFewRunsAreInconclusive() {
    Verdict v = judge.judge(SyntheticRuns.run(1, 9.0, 2), SyntheticRuns.baseline(2, 5.0));

    assertThat(v.kind()).isEqualTo(Verdict.Kind.INCONCLUSIVE);
    assertThat(v.reason()).contains("too few runs: 2 comparable baseline run(s), 3 needed");
  }

  @Test
  void aSingleOutlierInTheBaselineDoesNotMakeTheNextRunARegression() {
    List<BenchmarkResult> baseline = new ArrayList<>(SyntheticRuns.baseline(9, 5.0));
    baseline.add(4, SyntheticRuns.run(77, 40.0, 4));

    assertThat(judge.judge(SyntheticRuns.run(5, 5.0, 10), baseline).kind())
        .isNotEqualTo(Verdict.Kind.REGRESSED);
  }

  @Test
  void aRunThatMissedItsRateIsInvalidNeverRegressed() {
    Verdict v =
        judge.judge(SyntheticRuns.run(1, 50.0, 10, 90, true), SyntheticRuns.baseline(10, 5.0));

    assertThat(v.kind()).isEqualTo(Verdict.Kind.INVALID);
    assertThat(v.reason()).contains("under 98% of the target 100.0 req/s");
  }

  @Test
  void aRunWhoseGeneratorFellBehindIsInvalid() {
    Verdict v =
        judge.judge(SyntheticRuns.run(1, 50.0, 10, 100, false), SyntheticRuns.baseline(10, 5.0));

    assertThat(v.kind()).isEqualTo(Verdict.Kind.INVALID);
  }

  @Test
  void aBrokenThresholdFails() {
    Verdict v = judge.judge(SyntheticRuns.run(1, 400.0, 10), SyntheticRuns.baseline(10, 5.0));

    assertThat(v.kind()).isEqualTo(Verdict.Kind.FAILED);
    assertThat(v.reason()).isEqualTo("threshold broken: p99 < 250ms");
  }

  @Test
  void resultsWithoutIntervalsFallBackToTheBaselineRunsSpread() {
    List<BenchmarkResult> baseline =
        SyntheticRuns.baseline(10, 5.0).stream().map(VerdictTest::withoutIntervals).toList();

    Verdict v = judge.judge(withoutIntervals(SyntheticRuns.run(1, 7.0, 10)), baseline);

    assertThat(v.kind()).isEqualTo(Verdict.Kind.REGRESSED);
    assertThat(v.reason()).contains("no interval histograms");
  }

  @Test
  void theSameInputsGiveTheSameInterval() {
    List<BenchmarkResult> baseline = SyntheticRuns.baseline(5, 5.0);
    BenchmarkResult run = SyntheticRuns.run(3, 5.5, 10);

    assertThat(judge.judge(run, baseline)).isEqualTo(judge.judge(run, baseline));
  }

  private static BenchmarkResult withoutIntervals(BenchmarkResult r) {
    return new BenchmarkResult(
        r.smpVersion(),
        r.id(),
        r.testId(),
        r.envId(),
        r.name(),
        r.source(),
        r.labels(),
        r.startTime(),
        r.endTime(),
        r.actualQps(),
        r.requests(),
        r.errorRate(),
        r.errors(),
        r.latencies(),
        r.loadGenerator(),
        r.loadModel(),
        r.generatorOptions(),
        r.validity(),
        r.thresholds(),
        r.passed(),
        r.environment(),
        r.responseHistogram(),
        r.serviceHistogram(),
        r.serverMetrics(),
        List.of());
  }
}
