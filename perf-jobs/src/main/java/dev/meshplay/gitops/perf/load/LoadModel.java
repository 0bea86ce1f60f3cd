package dev.meshplay.gitops.perf.load;

/** How requests were paced, which decides what the latencies mean. */
public enum LoadModel {
  /**
   * Requests follow a fixed global schedule whatever the responses do; latency counts from each
   * request's intended send time, so a stalled server shows in the percentiles (no coordinated
   * omission).
   */
  OPEN_LOOP,
  /**
   * Each connection sends its next request when the previous answer arrives, as fast as it can;
   * latency is service time, and a stall hides behind the requests that were never sent.
   */
  CLOSED_LOOP,
  /** A closed loop slowed to a rate (hey {@code -q}, fortio {@code -qps}); not corrected either. */
  THROTTLED_CLOSED_LOOP;

  /** Whether latencies include the time requests waited for their turn (wrk2's correction). */
  public boolean coordinatedOmissionCorrected() {
    return this == OPEN_LOOP;
  }

  /** The name used in result files: {@code open_loop}, {@code closed_loop} ... */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
