package dev.meshplay.gitops.reconciler.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a kind's watch may be started again after its first list failed. Without it, every read of
 * the pass would start a new watch at once, and an API server answering 429 or 503 would get the
 * same list again within milliseconds. The wait doubles per failure, from one second up to a
 * minute, and is never shorter than the server's own {@code retryAfterSeconds}.
 */
final class WatchBackoff {
  static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration LONGEST = Duration.ofMinutes(1);

  private record Failures(int count, Instant notBefore) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  /** True when no failure of {@code kind} asks to wait past {@code now}. */
  boolean mayStart(String kind, Instant now) {
    Failures last = failures.get(kind);
    return last == null || !now.isBefore(last.notBefore());
  }

  /** Records a failed start; returns how long {@code kind} now waits. */
  Duration failed(String kind, Instant now, Duration retryAfter) {
    Failures last = failures.get(kind);
    int count = last == null ? 1 : last.count() + 1;
    Duration doubled = FIRST.multipliedBy(1L << Math.min(count - 1, 6));
    Duration wait = max(retryAfter, doubled.compareTo(LONGEST) > 0 ? LONGEST : doubled);
    failures.put(kind, new Failures(count, now.plus(wait)));
    return wait;
  }

  void started(String kind) {
    failures.remove(kind);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
