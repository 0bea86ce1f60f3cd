package dev.meshplay.gitops.perf.regression;

import java.time.Instant;
import java.util.List;

/**
 * One judged run of a canary profile, as the product runs of the same source see it.
 *
 * @param profile the canary profile's name, for the reasons that cite it
 * @param time the start of the canary run, UTC
 * @param kind the canary run's own verdict
 * @param effects its measured changes; empty when they are not known (e.g. read back from a series
 *     file after a restart, which keeps only the verdict)
 */
public record CanaryRun(String profile, Instant time, Verdict.Kind kind, List<Effect> effects) {

  public CanaryRun {
    effects = List.copyOf(effects);
  }
}
