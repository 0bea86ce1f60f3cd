package dev.meshplay.gitops.perf.regression;

import java.time.Duration;
import java.util.Optional;

/**
 * How a profile's runs are judged: its baseline and the statistics' bounds. Read from the profile's
 * {@code baseline:} key.
 *
 * @param baselineRuns a rolling baseline of the last this many accepted runs
 * @param pinned a result file (repository path) kept as the baseline instead, when set
 * @param minRuns fewer comparable baseline runs than this make a run {@code inconclusive}
 * @param confidence the level of the bootstrap intervals
 * @param minEffect a change smaller than this is no regression, however certain
 * @param maxWidth an interval wider than this is too noisy to judge
 * @param resamples bootstrap resamples
 * @param minRateRatio an open-loop run under this share of its target rate is invalid
 * @param maxConnectErrors a run with a larger share of connection errors is invalid
 * @param changePoints the change-point search
 * @param canaryWindow how far apart a canary run and this profile's run may start and still be
 *     compared ({@link CanaryCheck})
 */
public record RegressionSettings(
    int baselineRuns,
    Optional<String> pinned,
    int minRuns,
    double confidence,
    double minEffect,
    double maxWidth,
    int resamples,
    double minRateRatio,
    double maxConnectErrors,
    ChangePointSettings changePoints,
    Duration canaryWindow) {

  public static final RegressionSettings DEFAULTS =
      new RegressionSettings(
          10,
          Optional.empty(),
          3,
          0.95,
          0.05,
          0.5,
          1000,
          0.98,
          0.01,
          ChangePointSettings.DEFAULTS,
          CanaryCheck.DEFAULT_WINDOW);

  public RegressionSettings withBaseline(int runs, Optional<String> pinnedResult) {
    return new RegressionSettings(
        runs,
        pinnedResult,
        minRuns,
        confidence,
        minEffect,
        maxWidth,
        resamples,
        minRateRatio,
        maxConnectErrors,
        changePoints,
        canaryWindow);
  }

  public RegressionSettings withJudging(int runs, double effect, ChangePointSettings search) {
    return new RegressionSettings(
        baselineRuns,
        pinned,
        runs,
        confidence,
        effect,
        maxWidth,
        resamples,
        minRateRatio,
        maxConnectErrors,
        search,
        canaryWindow);
  }

  public RegressionSettings withCanaryWindow(Duration window) {
    return new RegressionSettings(
        baselineRuns,
        pinned,
        minRuns,
        confidence,
        minEffect,
        maxWidth,
        resamples,
        minRateRatio,
        maxConnectErrors,
        changePoints,
        window);
  }
}
