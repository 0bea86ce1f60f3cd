package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.reconciler.events.EventLog;
import dev.meshplay.gitops.reconciler.manifest.DesignManifests;
import dev.meshplay.gitops.reconciler.manifest.ManifestStore;
import dev.meshplay.gitops.reconciler.status.CommitInfo;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import java.time.Clock;

/**
 * The daemon's pass listener: events into the log, manifests into the store, and a signal to live
 * pages when the pass changed what they show (not on every quiet pass).
 */
public final class PassRecorder implements PassListener {
  private final EventLog events;
  private final ManifestStore manifests;
  private final Clock clock;

  public PassRecorder(EventLog events, ManifestStore manifests, Clock clock) {
    this.events = events;
    this.manifests = manifests;
    this.clock = clock;
  }

  @Override
  public void passed(
      SourceStatus before,
      String cluster,
      CommitInfo head,
      RenderedRepository repository,
      PassOutcome outcome) {
    if (outcome instanceof PassOutcome.Applied applied) {
      manifests.put(
          before.name(),
          cluster,
          DesignManifests.of(applied.plan(), repository.designs()),
          applied.designs().stream().map(d -> d.key()).toList());
    }
    var happened = PassEvents.of(before, cluster, head, outcome, clock.instant());
    events.record(happened);
    if (!happened.isEmpty() || PassEvents.changesStatus(before, cluster, outcome)) {
      events.statusChanged(before.name(), cluster);
    }
  }

  @Override
  public void pollFailed(SourceStatus before, String message) {
    events.record(PassEvents.pollFailed(before, message, clock.instant()));
  }
}
