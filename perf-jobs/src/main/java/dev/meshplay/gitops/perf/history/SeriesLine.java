package dev.meshplay.gitops.perf.history;

import dev.meshplay.gitops.perf.regression.Verdict;
import java.time.Instant;

/**
 * One run in a profile's series file.
 *
 * @param time the start of the measured period, UTC
 * @param commit the design commit the run measured (full id)
 * @param p50 latencies in milliseconds
 * @param rps achieved requests per second
 * @param errorRate failed requests over all requests
 * @param verdict the run's verdict
 * @param key the comparison key (profile hash and environment class): only runs with equal keys are
 *     compared
 * @param result the result file's name in the profile's directory
 */
public record SeriesLine(
    Instant time,
    String commit,
    double p50,
    double p90,
    double p99,
    double p999,
    double rps,
    double errorRate,
    Verdict.Kind verdict,
    String key,
    String result) {

  /** A run whose figures may enter change-point detection. */
  public boolean measured() {
    return verdict != Verdict.Kind.INVALID;
  }

  public String shortCommit() {
    return commit.length() > 7 ? commit.substring(0, 7) : commit;
  }
}
