package dev.meshplay.gitops.reconciler.events;

import java.time.Instant;

/**
 * One thing that happened, as the recent-events list shows it.
 *
 * @param seq the log's number for it, increasing; 0 until the log records it
 * @param cluster the cluster it concerns, or null (webhooks, Git)
 * @param design the design key it concerns, or null when it concerns a whole pass
 */
public record Event(
    long seq,
    Instant time,
    EventKind kind,
    String source,
    String cluster,
    String design,
    String message) {

  /** An event not yet numbered by the log. */
  public static Event of(
      Instant time, EventKind kind, String source, String cluster, String design, String message) {
    return new Event(0, time, kind, source, cluster, design, message);
  }

  Event numbered(long number) {
    return new Event(number, time, kind, source, cluster, design, message);
  }
}
