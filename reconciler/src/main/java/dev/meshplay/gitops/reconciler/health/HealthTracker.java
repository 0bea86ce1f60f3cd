package dev.meshplay.gitops.reconciler.health;

import dev.meshplay.gitops.reconciler.plan.DesiredObject;
import dev.meshplay.gitops.render.ObjectRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Health of desired objects across passes: an object still progressing after the timeout is
 * degraded, so a rollout that never finishes does not look busy forever.
 */
public final class HealthTracker {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private final Clock clock;
  private final Duration timeout;
  private final Map<ObjectRef, Instant> progressingSince = new HashMap<>();

  public HealthTracker(Clock clock, Duration timeout) {
    this.clock = clock;
    this.timeout = timeout;
  }

  /** The health of each desired object that exists; missing objects are progressing. */
  public synchronized Map<ObjectRef, Health> assess(
      List<DesiredObject> desired, Map<ObjectRef, Map<String, Object>> live) {
    Map<ObjectRef, Health> result = new HashMap<>();
    Instant now = clock.instant();
    for (DesiredObject object : desired) {
      Map<String, Object> current = live.get(object.ref());
      Health health =
          current == null ? Health.progressing("not created yet") : HealthChecks.of(current);
      result.put(object.ref(), withTimeout(object.ref(), health, now));
    }
    progressingSince.keySet().retainAll(result.keySet());
    return result;
  }

  private Health withTimeout(ObjectRef ref, Health health, Instant now) {
    if (health.state() != Health.State.PROGRESSING) {
      progressingSince.remove(ref);
      return health;
    }
    Instant since = progressingSince.computeIfAbsent(ref, r -> now);
    if (Duration.between(since, now).compareTo(timeout) > 0) {
      return Health.degraded(
          "still progressing after " + timeout.toMinutes() + "m: " + health.message());
    }
    return health;
  }
}
