package dev.meshplay.gitops.reconciler.loop;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Spreads periodic passes: each wait is the interval plus or minus up to {@code fraction} of it, so
 * sources (and replicas) started together do not poll Git and resync clusters in lockstep.
 */
record Jitter(double fraction) {
  static final Jitter DEFAULT = new Jitter(0.1);

  Jitter {
    if (fraction < 0 || fraction >= 1) {
      throw new IllegalArgumentException("jitter fraction must be in [0, 1): " + fraction);
    }
  }

  Duration next(Duration interval, RandomGenerator random) {
    double factor = 1 + fraction * (2 * random.nextDouble() - 1);
    return Duration.ofNanos(Math.round(interval.toNanos() * factor));
  }
}
