package dev.meshplay.gitops.perf;

import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.load.ProgressListener;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.result.BenchmarkResult;

/** Runs one benchmark profile to its result. {@link Benchmarks} is the real one. */
@FunctionalInterface
public interface BenchmarkRunner {

  /**
   * Runs the profile's load against its endpoints and judges its thresholds.
   *
   * @param progress called about once a second from the calling thread
   * @throws LoadGeneratorException when the generator cannot run (a missing binary, bad output)
   * @throws InterruptedException when the calling thread is interrupted; the run stops
   */
  BenchmarkResult run(BenchmarkProfile profile, ProgressListener progress)
      throws LoadGeneratorException, InterruptedException;
}
