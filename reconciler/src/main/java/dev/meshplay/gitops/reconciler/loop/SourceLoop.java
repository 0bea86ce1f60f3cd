package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.git.Backoff;
import dev.meshplay.gitops.git.GitSourceException;
import dev.meshplay.gitops.git.Snapshot;
import dev.meshplay.gitops.git.SourceMirror;
import dev.meshplay.gitops.reconciler.bench.BenchmarkService;
import dev.meshplay.gitops.reconciler.metrics.LoopMetrics;
import dev.meshplay.gitops.reconciler.metrics.SyncOutcome;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.reconciler.settings.RepositorySettings;
import dev.meshplay.gitops.reconciler.status.ClusterStatus;
import dev.meshplay.gitops.reconciler.status.CommitInfo;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one source on a fixed interval: poll (one ls-remote when nothing moved), then reconcile
 * into each target cluster independently (one failing cluster does not hold back the others), every
 * time, so drift is repaired between commits; each outcome is recorded once.
 */
public final class SourceLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SourceLoop.class);

  private final SourceMirror mirror;
  private final List<Reconciler> reconcilers;
  private final StatusStore store;
  private final Clock clock;
  private final SnapshotRenderer renderer;
  private final BenchmarkService benchmarks;
  private final LoopMetrics metrics;
  private final ScheduledExecutorService executor;
  private final Map<String, ExecutorService> clusterWorkers = new LinkedHashMap<>();
  private final Map<String, AtomicBoolean> busy = new LinkedHashMap<>();

  /** Clusters that skipped a pass while busy: they run another when the busy one ends. */
  private final Map<String, AtomicBoolean> skipped = new LinkedHashMap<>();

  private volatile java.util.function.Consumer<SourceMirror.PollResult> pollListener = result -> {};
  private volatile PassListener passListener = PassListener.NONE;
  private volatile java.util.function.Predicate<String> owned = cluster -> true;

  /**
   * @param renderer the renderer the reconcilers share (its result is cached per commit)
   * @param benchmarks where the commit's benchmark profiles are scheduled, or null for none
   */
  public SourceLoop(
      SourceMirror mirror,
      List<Reconciler> reconcilers,
      StatusStore store,
      Clock clock,
      SnapshotRenderer renderer,
      BenchmarkService benchmarks) {
    this(mirror, reconcilers, store, clock, renderer, benchmarks, LoopMetrics.NONE);
  }

  /** The same, reporting poll and pass timings and outcomes to {@code metrics}. */
  public SourceLoop(
      SourceMirror mirror,
      List<Reconciler> reconcilers,
      StatusStore store,
      Clock clock,
      SnapshotRenderer renderer,
      BenchmarkService benchmarks,
      LoopMetrics metrics) {
    this.metrics = metrics;
    this.mirror = mirror;
    this.renderer = renderer;
    this.benchmarks = benchmarks;
    this.reconcilers = List.copyOf(reconcilers);
    this.store = store;
    this.clock = clock;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r ->
                Thread.ofPlatform().daemon().name("source-" + mirror.source().name()).unstarted(r));
    for (Reconciler reconciler : this.reconcilers) {
      String cluster = reconciler.target().name();
      clusterWorkers.put(
          cluster,
          Executors.newSingleThreadExecutor(
              r ->
                  Thread.ofPlatform()
                      .daemon()
                      .name("source-" + mirror.source().name() + "-" + cluster)
                      .unstarted(r)));
      busy.put(cluster, new AtomicBoolean());
      skipped.put(cluster, new AtomicBoolean());
    }
    var s = mirror.source();
    store.put(
        SourceStatus.pending(
            s.name(),
            s.displayUrl(),
            s.branch(),
            reconcilers.stream().map(r -> r.target().name()).toList()));
  }

  /** Sees every successful poll, its ref events included: the pull-request planner's hook. */
  public void onPoll(java.util.function.Consumer<SourceMirror.PollResult> listener) {
    this.pollListener = listener;
  }

  /** Told of every pass's outcome once it is recorded: the events log and manifests' feed. */
  public void onPass(PassListener listener) {
    this.passListener = listener;
  }

  /**
   * Reconciles only the clusters {@code owns} accepts at the start of each pass (the others belong
   * to another replica); by default all.
   */
  public void onlyOwned(java.util.function.Predicate<String> owns) {
    this.owned = owns;
  }

  /**
   * Runs a pass now and then every {@code interval} (± 10 % jitter, see {@link Jitter}), each after
   * the previous one ends.
   */
  public void start(Duration interval) {
    schedule(Duration.ZERO, interval);
  }

  private void schedule(Duration delay, Duration interval) {
    try {
      executor.schedule(
          () -> {
            passSafely();
            int failures = failedPolls.get();
            schedule(
                failures == 0
                    ? Jitter.DEFAULT.next(interval, RANDOM)
                    : retryBackoff(interval).delay(failures, RANDOM),
                interval);
          },
          delay.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      // The loop is closing: no more passes.
    }
  }

  /**
   * The wait after consecutive failed polls: from the interval, doubling per failure (with jitter),
   * up to 5 minutes or the interval if longer, so a remote that is down is not polled in a loop.
   */
  static Backoff retryBackoff(Duration interval) {
    Duration cap = Backoff.DEFAULT.max();
    return new Backoff(interval, interval.compareTo(cap) > 0 ? interval : cap);
  }

  private final AtomicInteger failedPolls = new AtomicInteger();

  private static final java.util.random.RandomGenerator RANDOM =
      java.util.random.RandomGenerator.getDefault();

  private final AtomicBoolean triggered = new AtomicBoolean();
  private volatile java.util.function.Consumer<RepositorySettings> settingsListener = s -> {};

  /** Told the settings (meshplay.yaml) of the commit each pass works on. */
  public void onSettings(java.util.function.Consumer<RepositorySettings> listener) {
    this.settingsListener = listener;
  }

  /**
   * Runs a pass as soon as the current one (if any) ends: what a webhook or a watched change asks
   * for. Triggers arriving while one is pending are folded into it.
   */
  public void triggerNow() {
    if (executor.isShutdown() || !triggered.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(
          () -> {
            triggered.set(false);
            passSafely();
          });
    } catch (java.util.concurrent.RejectedExecutionException stopping) {
      // The loop is closing: a watch event raced the shutdown, and there is nothing to do.
    }
  }

  public String sourceName() {
    return mirror.source().name();
  }

  /**
   * One pass: poll, then hand the snapshot to each cluster's own worker, so a slow or unreachable
   * cluster delays only itself. A cluster still busy with an earlier pass is skipped this time and
   * gets another pass, with the newest commit, as soon as the busy one ends. A failed poll hands
   * out the last commit fetched instead, if any.
   */
  public void pass() {
    String name = mirror.source().name();
    Snapshot snapshot;
    boolean fetched = true;
    long pollStart = System.nanoTime();
    try {
      SourceMirror.PollResult polled = mirror.poll();
      failedPolls.set(0);
      snapshot = polled.snapshot();
      metrics.polled(name, seconds(pollStart), false);
      pollListener.accept(polled);
    } catch (GitSourceException e) {
      failedPolls.incrementAndGet();
      metrics.polled(name, seconds(pollStart), true);
      passListener.pollFailed(current(name), e.getMessage());
      store.update(name, s -> s.withHead(s.head(), e.getMessage()));
      LOG.warn("{}", e.getMessage());
      // The cluster keeps following the last commit fetched, so drift is still repaired while
      // the remote is away (as Flux does from its last artifact); the error stays shown.
      Optional<Snapshot> last = mirror.lastGood();
      if (last.isEmpty() || executor.isShutdown()) {
        return; // nothing fetched yet, or the poll was cut short because the loop is closing
      }
      snapshot = last.get();
      fetched = false;
    }
    handOut(snapshot, fetched);
  }

  /** Renders the snapshot and gives it to each owned cluster's worker. */
  private void handOut(Snapshot snapshot, boolean fetched) {
    String name = mirror.source().name();
    CommitInfo head =
        new CommitInfo(snapshot.commitId(), snapshot.message(), snapshot.author(), snapshot.time());
    if (fetched) {
      store.update(name, s -> s.withHead(head, null));
    }
    RenderedRepository repository = renderer.render(snapshot);
    if (benchmarks != null) {
      benchmarks.sync(snapshot.commitId(), repository.profiles());
    }
    settingsListener.accept(repository.settings());
    for (Reconciler reconciler : reconcilers) {
      String cluster = reconciler.target().name();
      if (!owned.test(cluster)) {
        continue;
      }
      if (busy.get(cluster).compareAndSet(false, true)) {
        clusterWorkers
            .get(cluster)
            .execute(() -> reconcileSafely(reconciler, snapshot, head, repository));
      } else {
        skipped.get(cluster).set(true);
      }
    }
  }

  private void reconcileSafely(
      Reconciler reconciler, Snapshot snapshot, CommitInfo head, RenderedRepository repository) {
    String cluster = reconciler.target().name();
    long start = System.nanoTime();
    java.time.Instant started = clock.instant();
    PassOutcome outcome;
    try {
      outcome = reconciler.reconcile(snapshot);
    } catch (RuntimeException e) {
      LOG.error("pass of source {} into {} failed", mirror.source().name(), cluster, e);
      outcome = new PassOutcome.ClusterUnavailable(cluster + ": internal error: " + e);
    }
    try {
      SourceStatus before = current(mirror.source().name());
      record(head, cluster, outcome, started);
      passListener.passed(before, cluster, head, repository, outcome);
      metrics.synced(mirror.source().name(), cluster, outcomeLabel(outcome), seconds(start));
    } finally {
      busy.get(cluster).set(false);
      // A push announced during this pass was polled and skipped: without another pass its
      // commit would wait for the interval.
      if (skipped.get(cluster).getAndSet(false)) {
        triggerNow();
      }
    }
  }

  private void record(
      CommitInfo head, String cluster, PassOutcome outcome, java.time.Instant started) {
    String name = mirror.source().name();
    switch (outcome) {
      case PassOutcome.Applied applied -> {
        store.update(
            name,
            s -> {
              ClusterStatus before = clusterOf(s, cluster);
              return s.withCluster(
                  new ClusterStatus(
                      cluster,
                      applied.everyDesignApplied() ? head : before.applied(),
                      clock.instant(),
                      null,
                      applied.designs(),
                      started));
            });
        if (applied.plan().hasChanges()) {
          LOG.info("{}@{} -> {}: {}", name, head.shortId(), cluster, summary(applied));
        }
      }
      case PassOutcome.SettingsInvalid invalid -> {
        store.update(name, s -> s.withHead(head, invalid.message()));
        LOG.warn("{}: {}", name, invalid.message());
      }
      case PassOutcome.ClusterUnavailable unavailable -> {
        store.update(
            name,
            s -> {
              ClusterStatus before = clusterOf(s, cluster);
              return s.withCluster(
                  new ClusterStatus(
                      cluster,
                      before.applied(),
                      clock.instant(),
                      unavailable.message(),
                      before.designs(),
                      started));
            });
        LOG.warn("{}", unavailable.message());
      }
    }
  }

  private SourceStatus current(String name) {
    return store.sources().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static SyncOutcome outcomeLabel(PassOutcome outcome) {
    return switch (outcome) {
      case PassOutcome.Applied a ->
          a.everyDesignApplied() ? SyncOutcome.SYNCED : SyncOutcome.DESIGN_FAILED;
      case PassOutcome.SettingsInvalid i -> SyncOutcome.SETTINGS_INVALID;
      case PassOutcome.ClusterUnavailable u -> SyncOutcome.CLUSTER_UNAVAILABLE;
    };
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static ClusterStatus clusterOf(SourceStatus status, String cluster) {
    return status.clusters().stream()
        .filter(c -> c.cluster().equals(cluster))
        .findFirst()
        .orElse(ClusterStatus.pending(cluster));
  }

  private static String summary(PassOutcome.Applied applied) {
    var plan = applied.plan();
    return "%d created, %d updated, %d pruned, %d unchanged"
        .formatted(
            plan.count(Action.CREATE),
            plan.count(Action.UPDATE),
            plan.count(Action.PRUNE),
            plan.count(Action.UNCHANGED));
  }

  // A pass must never kill the schedule: anything unexpected is logged and shown as an error.
  private void passSafely() {
    try {
      pass();
    } catch (RuntimeException e) {
      LOG.error("pass of source {} failed", mirror.source().name(), e);
      store.update(mirror.source().name(), s -> s.withHead(s.head(), "internal error: " + e));
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    if (benchmarks != null) {
      benchmarks.close();
    }
    clusterWorkers.values().forEach(ExecutorService::shutdownNow);
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
      for (ExecutorService worker : clusterWorkers.values()) {
        worker.awaitTermination(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    mirror.close();
  }
}
