package dev.meshplay.gitops.perf.regression;

import dev.meshplay.gitops.perf.load.LoadModel;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import dev.meshplay.gitops.perf.result.HistogramCodec;
import dev.meshplay.gitops.perf.result.ThresholdOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * The verdict of one run against its baseline, in this order: invalid runs are not judged; a broken
 * absolute threshold fails; too few comparable baseline runs is inconclusive; otherwise p50 and p99
 * changes with confidence intervals decide (block bootstrap over interval histograms, or the
 * baseline runs' own spread for results without them), and for closed-loop runs the throughput
 * against the series' noise band.
 */
public final class RunJudge {

  private final RegressionSettings settings;

  public RunJudge(RegressionSettings settings) {
    this.settings = settings;
  }

  /** Judges {@code run} against {@code baseline} (the baseline's results, oldest first). */
  public Verdict judge(BenchmarkResult run, List<BenchmarkResult> baseline) {
    Optional<String> invalid = RunValidity.problem(run, settings);
    if (invalid.isPresent()) {
      return Verdict.of(Verdict.Kind.INVALID, "invalid: " + invalid.get());
    }
    List<String> broken =
        run.thresholds().stream().filter(t -> !t.pass()).map(ThresholdOutcome::threshold).toList();
    if (!broken.isEmpty()) {
      return Verdict.of(Verdict.Kind.FAILED, "threshold broken: " + String.join(", ", broken));
    }
    String key = ComparisonKey.of(run);
    List<BenchmarkResult> comparable =
        baseline.stream().filter(b -> ComparisonKey.of(b).equals(key)).toList();
    // A pinned baseline is one chosen result; a rolling one needs enough runs to show its noise.
    int needed = settings.pinned().isPresent() ? 1 : settings.minRuns();
    if (comparable.size() < needed) {
      return Verdict.of(
          Verdict.Kind.INCONCLUSIVE,
          "too few runs: "
              + comparable.size()
              + " comparable baseline run(s), "
              + needed
              + " needed");
    }
    List<Effect> effects = new ArrayList<>();
    String method;
    if (!run.intervalHistograms().isEmpty()
        && comparable.stream().noneMatch(b -> b.intervalHistograms().isEmpty())) {
      BlockBootstrap bootstrap =
          new BlockBootstrap(comparable.stream().map(RunJudge::intervals).toList(), intervals(run));
      effects.add(bootstrap.effect("p50", 50, settings.resamples(), settings.confidence()));
      effects.add(bootstrap.effect("p99", 99, settings.resamples(), settings.confidence()));
      method = "block bootstrap over interval histograms";
    } else {
      effects.add(
          SeriesBand.effect(
              "p50", run.latencies().p50(), comparable, r -> r.latencies().p50(), settings));
      effects.add(
          SeriesBand.effect(
              "p99", run.latencies().p99(), comparable, r -> r.latencies().p99(), settings));
      method = "baseline runs' spread (no interval histograms)";
    }
    if (run.loadModel() != LoadModel.OPEN_LOOP) {
      // Closed loop: the rate is an outcome, and fewer requests per second is worse.
      effects.add(
          SeriesBand.effect(
              "rps", run.actualQps(), comparable, BenchmarkResult::actualQps, settings));
    }
    return decide(effects, comparable.size(), method);
  }

  private Verdict decide(List<Effect> effects, int runs, String method) {
    List<Effect> worse = effects.stream().filter(this::worse).toList();
    List<Effect> better = effects.stream().filter(this::better).toList();
    String all = effects.stream().map(Effect::toString).collect(Collectors.joining("; "));
    String basis = " (against " + runs + " baseline runs, " + method + ")";
    if (!worse.isEmpty()) {
      return new Verdict(Verdict.Kind.REGRESSED, join(worse) + basis, effects);
    }
    if (!better.isEmpty()) {
      return new Verdict(Verdict.Kind.IMPROVED, join(better) + basis, effects);
    }
    boolean noisy = effects.stream().anyMatch(e -> e.high() - e.low() > settings.maxWidth());
    if (noisy) {
      return new Verdict(Verdict.Kind.INCONCLUSIVE, "too noisy: " + all + basis, effects);
    }
    return new Verdict(Verdict.Kind.PASS, all + basis, effects);
  }

  private boolean worse(Effect e) {
    return worse(e, settings.minEffect());
  }

  private boolean better(Effect e) {
    return better(e, settings.minEffect());
  }

  /** The whole interval is worse than {@code minEffect}: higher latency, fewer requests/s. */
  static boolean worse(Effect e, double minEffect) {
    boolean rps = e.metric().equals("rps");
    return rps ? e.high() < -minEffect : e.low() > minEffect;
  }

  static boolean better(Effect e, double minEffect) {
    boolean rps = e.metric().equals("rps");
    return rps ? e.low() > minEffect : e.high() < -minEffect;
  }

  private static String join(List<Effect> effects) {
    return effects.stream().map(Effect::toString).collect(Collectors.joining("; "));
  }

  private static List<Histogram> intervals(BenchmarkResult result) {
    return result.intervalHistograms().stream().map(HistogramCodec::decode).toList();
  }
}
