package dev.meshplay.gitops.perf.load;

import java.time.Duration;

/**
 * A snapshot of a running benchmark, for a live progress line.
 *
 * @param elapsed time since the run started, warm-up included
 * @param requestsPerSecond completions per second over the last interval
 * @param p50Ms median response time of the measured period so far; 0 before it starts
 * @param p99Ms 99th percentile response time of the measured period so far; 0 before it starts
 * @param requests measured requests completed so far
 * @param errors measured errors so far
 */
public record Progress(
    Duration elapsed,
    Phase phase,
    double requestsPerSecond,
    double p50Ms,
    double p99Ms,
    long requests,
    long errors) {

  /** Where the run is. */
  public enum Phase {
    WARMUP,
    MEASURING,
    DRAINING
  }

  /** The progress line {@code bench run} prints: elapsed, req/s, p50/p99, errors. */
  public String line() {
    return String.format(
        java.util.Locale.ROOT,
        "%6.1fs %-9s %9.0f req/s  p50 %8.2f ms  p99 %8.2f ms  errors %d",
        elapsed.toMillis() / 1000.0,
        phase.name().toLowerCase(java.util.Locale.ROOT),
        requestsPerSecond,
        p50Ms,
        p99Ms,
        errors);
  }
}
