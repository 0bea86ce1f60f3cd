package dev.meshplay.gitops.perf.schedule;

import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.result.BenchmarkResult;

/** Told about every scheduled run, on the scheduler's worker thread. */
public interface ResultListener {

  /** A run finished (its result may still have failed its thresholds). */
  void finished(BenchmarkProfile profile, BenchmarkResult result);

  /** A run could not happen: the generator failed, or the run was interrupted. */
  default void failed(BenchmarkProfile profile, Exception cause) {}

  /**
   * A scheduled run begins; {@code scheduledFor} is the firing it serves (with a clustered store,
   * every firing is served by exactly one replica).
   */
  default void started(BenchmarkProfile profile, java.time.Instant scheduledFor) {}
}
