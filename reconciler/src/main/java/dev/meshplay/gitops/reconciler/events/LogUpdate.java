package dev.meshplay.gitops.reconciler.events;

/** What a subscriber of the {@link EventLog} is told. */
public sealed interface LogUpdate {

  /** An event was recorded. */
  record Recorded(Event event) implements LogUpdate {}

  /** A pass ended and the status of {@code source} in {@code cluster} was rewritten. */
  record StatusChanged(String source, String cluster) implements LogUpdate {}
}
