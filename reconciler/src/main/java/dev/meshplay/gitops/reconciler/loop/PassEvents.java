package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.reconciler.events.Event;
import dev.meshplay.gitops.reconciler.events.EventKind;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.reconciler.plan.Change;
import dev.meshplay.gitops.reconciler.status.ClusterStatus;
import dev.meshplay.gitops.reconciler.status.CommitInfo;
import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.ObjectStatus;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.render.ObjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one pass tells the recent-events list, as a pure function of the status before it and its
 * outcome. Changes (created, updated, pruned, drift repaired) are reported every time they happen;
 * conditions (a failing design, an unreachable cluster, a held prune) only when they begin or
 * change, so a pass every few seconds does not flood the list with the same failure.
 */
final class PassEvents {
  private static final int NAMED = 3;

  private PassEvents() {}

  static List<Event> of(
      SourceStatus before, String cluster, CommitInfo head, PassOutcome outcome, Instant now) {
    String source = before.name();
    ClusterStatus previous = previous(before, cluster);
    List<Event> out = new ArrayList<>();
    switch (outcome) {
      case PassOutcome.Applied applied -> {
        Map<String, DesignStatus> was =
            previous.designs().stream()
                .collect(Collectors.toMap(DesignStatus::key, Function.identity(), (a, b) -> a));
        boolean moved = previous.applied() == null || !previous.applied().id().equals(head.id());
        for (DesignStatus d : applied.designs()) {
          DesignStatus old = was.get(d.key());
          changes(
              d, applied, moved, out, (kind, text) -> event(now, kind, source, cluster, d, text));
          boolean same =
              old != null && old.state() == d.state() && Objects.equals(old.message(), d.message());
          if (d.state() == DesignState.FAILED && !same) {
            out.add(event(now, failureKind(d), source, cluster, d, d.message()));
          }
          driftDetected(d, old, out, now, source, cluster);
        }
        boolean recovered = previous.error() != null || anyFailed(previous.designs());
        if (applied.everyDesignApplied() && (moved || recovered)) {
          out.add(
              Event.of(
                  now,
                  EventKind.SYNCED,
                  source,
                  cluster,
                  null,
                  "applied " + head.shortId() + ": " + firstLine(head.message())));
        }
      }
      case PassOutcome.SettingsInvalid invalid -> {
        if (!invalid.message().equals(before.error())) {
          out.add(
              Event.of(now, EventKind.SETTINGS_INVALID, source, cluster, null, invalid.message()));
        }
      }
      case PassOutcome.ClusterUnavailable down -> {
        if (!down.message().equals(previous.error())) {
          out.add(
              Event.of(now, EventKind.CLUSTER_UNREACHABLE, source, cluster, null, down.message()));
        }
      }
    }
    return out;
  }

  /**
   * Whether the pass changed what the pages show beyond the time of the last sync: a design's
   * status, an object's action, health or drift, or an error. Live pages refresh only then.
   */
  static boolean changesStatus(SourceStatus before, String cluster, PassOutcome outcome) {
    ClusterStatus previous = previous(before, cluster);
    return switch (outcome) {
      case PassOutcome.Applied applied ->
          previous.error() != null || !previous.designs().equals(applied.designs());
      case PassOutcome.SettingsInvalid invalid -> !invalid.message().equals(before.error());
      case PassOutcome.ClusterUnavailable down -> !down.message().equals(previous.error());
    };
  }

  private static ClusterStatus previous(SourceStatus before, String cluster) {
    return before.clusters().stream()
        .filter(c -> c.cluster().equals(cluster))
        .findFirst()
        .orElse(ClusterStatus.pending(cluster));
  }

  /** A poll that failed, when it is a new failure. */
  static List<Event> pollFailed(SourceStatus before, String message, Instant now) {
    return message.equals(before.error())
        ? List.of()
        : List.of(Event.of(now, EventKind.GIT_UNREACHABLE, before.name(), null, null, message));
  }

  private interface Sink {
    Event make(EventKind kind, String text);
  }

  /**
   * Created, updated, pruned, and drift repaired. The plan cannot tell a Git change from a repair
   * by the paths alone, but only a new commit can change what Git says: on the same commit, an
   * update that put paths back is a repair, and is reported as that alone.
   */
  private static void changes(
      DesignStatus d, PassOutcome.Applied applied, boolean moved, List<Event> out, Sink sink) {
    List<ObjectStatus> done = d.objects().stream().filter(o -> o.error() == null).toList();
    List<String> repaired = new ArrayList<>();
    java.util.Set<ObjectRef> repairedRefs = new java.util.HashSet<>();
    for (Change c : applied.plan().changes()) {
      boolean ok = done.stream().anyMatch(o -> o.ref().equals(c.ref()));
      boolean repair = c.action() == Action.UPDATE && !c.drift().isEmpty() && !moved;
      if (c.design().equals(d.key()) && repair && ok) {
        repaired.add(c.ref() + " " + String.join(", ", c.drift()));
        repairedRefs.add(c.ref());
      }
    }
    for (Action action : List.of(Action.CREATE, Action.UPDATE, Action.PRUNE)) {
      List<ObjectRef> refs =
          done.stream()
              .filter(o -> o.action() == action && !repairedRefs.contains(o.ref()))
              .map(ObjectStatus::ref)
              .toList();
      if (!refs.isEmpty()) {
        EventKind kind =
            switch (action) {
              case CREATE -> EventKind.CREATED;
              case UPDATE -> EventKind.UPDATED;
              default -> EventKind.PRUNED;
            };
        out.add(sink.make(kind, named(refs)));
      }
    }
    if (!repaired.isEmpty()) {
      out.add(sink.make(EventKind.DRIFT_REPAIRED, String.join("; ", repaired)));
    }
  }

  private static void driftDetected(
      DesignStatus d, DesignStatus old, List<Event> out, Instant now, String source, String c) {
    List<ObjectRef> drifted =
        d.objects().stream()
            .filter(o -> o.action() == Action.DRIFTED)
            .map(ObjectStatus::ref)
            .filter(ref -> old == null || !wasDrifted(old, ref))
            .toList();
    if (!drifted.isEmpty()) {
      out.add(
          event(
              now,
              EventKind.DRIFT_DETECTED,
              source,
              c,
              d,
              named(drifted) + " (self-heal off, left as is)"));
    }
  }

  private static boolean wasDrifted(DesignStatus old, ObjectRef ref) {
    return old.objects().stream()
        .anyMatch(o -> o.ref().equals(ref) && o.action() == Action.DRIFTED);
  }

  private static EventKind failureKind(DesignStatus d) {
    String message = d.message() == null ? "" : d.message();
    if (message.startsWith("render failed")) {
      return EventKind.RENDER_FAILED;
    }
    // The plan's refusal note ("prune refused: …") becomes the design's message.
    return message.startsWith("prune refused") ? EventKind.PRUNE_REFUSED : EventKind.SYNC_FAILED;
  }

  private static boolean anyFailed(List<DesignStatus> designs) {
    return designs.stream().anyMatch(d -> d.state() == DesignState.FAILED);
  }

  private static String named(List<ObjectRef> refs) {
    String listed =
        refs.stream().limit(NAMED).map(ObjectRef::toString).collect(Collectors.joining(", "));
    return refs.size() > NAMED ? listed + " and " + (refs.size() - NAMED) + " more" : listed;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static Event event(
      Instant now, EventKind kind, String source, String cluster, DesignStatus d, String text) {
    return Event.of(now, kind, source, cluster, d.key(), text);
  }
}
