package dev.meshplay.gitops.reconciler.soak;

import java.time.Duration;
import java.time.Instant;

/**
 * When a scheduled benchmark runs inside the daemon: from {@code before} ahead of each firing of a
 * schedule every {@code period} (aligned to the epoch, as cron is) to {@code after} past it. The
 * sampler keeps out of these windows: its forced full GC would pause the load generator in the
 * middle of a measurement, and the run's in-flight data would count as heap.
 */
public record BenchmarkWindows(Duration period, Duration before, Duration after) {

  public BenchmarkWindows {
    if (before.plus(after).compareTo(period) >= 0) {
      throw new IllegalArgumentException("the windows leave no quiet moment in " + period);
    }
  }

  /** How long to wait from {@code now} until no run is expected; zero when none is. */
  public Duration untilQuiet(Instant now) {
    long periodMillis = period.toMillis();
    long phase = Math.floorMod(now.toEpochMilli(), periodMillis);
    if (phase < after.toMillis()) {
      return Duration.ofMillis(after.toMillis() - phase);
    }
    if (phase >= periodMillis - before.toMillis()) {
      return Duration.ofMillis(periodMillis - phase + after.toMillis());
    }
    return Duration.ZERO;
  }
}
