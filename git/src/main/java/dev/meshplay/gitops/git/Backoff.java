package dev.meshplay.gitops.git;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter, capped: a pure value, so the schedule is testable without
 * sleeping.
 *
 * <p>The delay after {@code n} consecutive failures is drawn uniformly from {@code [d/2, d]} where
 * {@code d = min(max, base * 2^(n-1))} ("equal jitter"): many sources failing together (a remote
 * down) spread their retries, yet none retries sooner than half the nominal delay.
 *
 * @param base the nominal delay after the first failure
 * @param max the cap of the nominal delay
 */
public record Backoff(Duration base, Duration max) {

  public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

  public Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < base <= max, got " + base + ", " + max);
    }
  }

  /** The nominal (jitter-free) delay after {@code failures} consecutive failures (at least 1). */
  public Duration nominal(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1, got " + failures);
    }
    int shift = Math.min(failures - 1, 62);
    long millis = base.toMillis();
    long capped =
        millis > (max.toMillis() >> shift)
            ? max.toMillis()
            : Math.min(max.toMillis(), millis << shift);
    return Duration.ofMillis(capped);
  }

  /**
   * The delay after {@code failures} consecutive failures for a uniform draw {@code u} in {@code
   * [0, 1)}.
   */
  public Duration delay(int failures, double u) {
    if (!(u >= 0 && u < 1)) {
      throw new IllegalArgumentException("u must be in [0, 1), got " + u);
    }
    long nominal = nominal(failures).toMillis();
    return Duration.ofMillis(nominal / 2 + (long) (u * (nominal - nominal / 2)));
  }

  public Duration delay(int failures, RandomGenerator random) {
    return delay(failures, random.nextDouble());
  }

  /** When to poll next: the source's interval after a success, the backoff after failures. */
  public Duration nextPoll(Duration interval, int consecutiveFailures, RandomGenerator random) {
    return consecutiveFailures == 0 ? interval : delay(consecutiveFailures, random);
  }
}
