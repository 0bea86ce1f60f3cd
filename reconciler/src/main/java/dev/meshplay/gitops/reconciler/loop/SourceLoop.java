package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.git.GitSourceException;
import dev.meshplay.gitops.git.Snapshot;
import dev.meshplay.gitops.git.SourceMirror;
import dev.meshplay.gitops.reconciler.status.CommitInfo;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one source on a fixed interval: poll (one ls-remote when nothing moved), reconcile (every
 * time, so drift is repaired between commits), record the outcome once.
 */
public final class SourceLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SourceLoop.class);

  private final SourceMirror mirror;
  private final Reconciler reconciler;
  private final StatusStore store;
  private final String clusterName;
  private final Clock clock;
  private final ScheduledExecutorService executor;

  public SourceLoop(
      SourceMirror mirror,
      Reconciler reconciler,
      StatusStore store,
      String clusterName,
      Clock clock) {
    this.mirror = mirror;
    this.reconciler = reconciler;
    this.store = store;
    this.clusterName = clusterName;
    this.clock = clock;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r ->
                Thread.ofPlatform().daemon().name("source-" + mirror.source().name()).unstarted(r));
    var s = mirror.source();
    store.put(SourceStatus.pending(s.name(), s.url(), s.branch(), clusterName));
  }

  /** Runs a pass now and then every {@code interval}, each after the previous one ends. */
  public void start(Duration interval) {
    executor.scheduleWithFixedDelay(
        this::passSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One pass, on the caller's thread; also what the schedule runs. */
  public PassOutcome pass() {
    Snapshot snapshot;
    try {
      snapshot = mirror.poll().snapshot();
    } catch (GitSourceException e) {
      return record(null, new PassOutcome.SourceUnavailable(e.getMessage()));
    }
    return record(snapshot, reconciler.reconcile(snapshot));
  }

  private PassOutcome record(Snapshot snapshot, PassOutcome outcome) {
    CommitInfo head =
        snapshot == null
            ? null
            : new CommitInfo(
                snapshot.commitId(), snapshot.message(), snapshot.author(), snapshot.time());
    String name = mirror.source().name();
    switch (outcome) {
      case PassOutcome.Applied applied -> {
        store.update(
            name,
            s ->
                new SourceStatus(
                    s.name(),
                    s.url(),
                    s.branch(),
                    clusterName,
                    head,
                    applied.everyDesignApplied() ? head : s.applied(),
                    clock.instant(),
                    null,
                    applied.designs()));
        if (applied.plan().hasChanges()) {
          LOG.info("{}@{}: {}", name, head.shortId(), summary(applied));
        }
      }
      case PassOutcome.SourceUnavailable unavailable -> {
        store.update(name, s -> withError(s, s.head(), unavailable.message()));
        LOG.warn("{}", unavailable.message());
      }
      case PassOutcome.ClusterUnavailable unavailable -> {
        store.update(name, s -> withError(s, head, unavailable.message()));
        LOG.warn("{}", unavailable.message());
      }
    }
    return outcome;
  }

  private SourceStatus withError(SourceStatus s, CommitInfo head, String error) {
    return new SourceStatus(
        s.name(),
        s.url(),
        s.branch(),
        clusterName,
        head,
        s.applied(),
        clock.instant(),
        error,
        s.designs());
  }

  private static String summary(PassOutcome.Applied applied) {
    var plan = applied.plan();
    return "%d created, %d updated, %d pruned, %d unchanged"
        .formatted(
            plan.count(dev.meshplay.gitops.reconciler.plan.Action.CREATE),
            plan.count(dev.meshplay.gitops.reconciler.plan.Action.UPDATE),
            plan.count(dev.meshplay.gitops.reconciler.plan.Action.PRUNE),
            plan.count(dev.meshplay.gitops.reconciler.plan.Action.UNCHANGED));
  }

  // A pass must never kill the schedule: anything unexpected is logged and shown as an error.
  private void passSafely() {
    try {
      pass();
    } catch (RuntimeException e) {
      LOG.error("pass of source {} failed", mirror.source().name(), e);
      store.update(mirror.source().name(), s -> withError(s, s.head(), "internal error: " + e));
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    mirror.close();
  }
}
