package dev.meshplay.gitops.perf.regression;

import dev.meshplay.gitops.perf.result.BenchmarkResult;

/** Synthetic runs for tests of other packages. */
public final class SyntheticRunsAccess {

  private SyntheticRunsAccess() {}

  public static BenchmarkResult run(int index, double medianMs) {
    return SyntheticRuns.run(500 + index, medianMs, index);
  }
}
