package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.git.RefEvent;
import dev.meshplay.gitops.git.Snapshot;
import dev.meshplay.gitops.git.SourceMirror;
import dev.meshplay.gitops.reconciler.loop.RenderedRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's pull-request mode for one source: after each poll, every tracked pull-request ref
 * whose head appeared or moved is rendered, validated, checked against the policies and planned
 * against every target cluster — read-only — then stored and published. A closed pull request (its
 * ref gone) is dropped. When the base branch moves, the open plans are stale and planned again.
 */
public final class PullRequestPlanner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PullRequestPlanner.class);

  private final SourceMirror mirror;
  private final SnapshotRendering rendering;
  private final RepositoryPlanner planner;
  private final PlanStore store;
  private final List<PlanPublisher> publishers;
  private final ExecutorService worker;
  private final Duration refresh;
  private final Clock clock;

  /**
   * @param refresh how old a plan may get before it is planned again, because the live clusters may
   *     have changed under it; it is published again only when its outcome changed
   */
  public PullRequestPlanner(
      SourceMirror mirror,
      SnapshotRendering rendering,
      RepositoryPlanner planner,
      PlanStore store,
      List<PlanPublisher> publishers,
      Duration refresh,
      Clock clock) {
    this.refresh = refresh;
    this.clock = clock;
    this.mirror = mirror;
    this.rendering = rendering;
    this.planner = planner;
    this.store = store;
    this.publishers = List.copyOf(publishers);
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("prplan-" + source()).unstarted(r));
  }

  /**
   * The source loop's hook: planning runs on this planner's own thread, so pull requests never
   * delay the reconciliation of the branch.
   */
  public void accept(SourceMirror.PollResult result) {
    worker.execute(
        () -> {
          try {
            handle(result);
          } catch (RuntimeException e) {
            LOG.error("planning pull requests of source {} failed", source(), e);
          }
        });
  }

  /** Plans what moved, drops what closed, re-plans what went stale; synchronous. */
  public void handle(SourceMirror.PollResult result) {
    Snapshot base = result.snapshot();
    Set<String> planned = new HashSet<>();
    for (RefEvent event : result.events()) {
      if (!mirror.source().tracksPullRequest(event.ref())) {
        continue;
      }
      switch (event) {
        case RefEvent.Disappeared gone -> store.remove(source(), gone.ref());
        case RefEvent.Appeared e -> planned.add(plan(e.ref(), base));
        case RefEvent.Moved e -> planned.add(plan(e.ref(), base));
        case RefEvent.Rewritten e -> planned.add(plan(e.ref(), base));
      }
    }
    for (PullRequestPlan plan : store.all()) {
      if (plan.source().equals(source()) && stale(plan, base) && !planned.contains(plan.ref())) {
        plan(plan.ref(), base);
      }
    }
  }

  // Stale: the base branch moved, or the clusters may have (the plan is older than refresh).
  private boolean stale(PullRequestPlan plan, Snapshot base) {
    return !base.commitId().equals(plan.base())
        || !plan.plannedAt().plus(refresh).isAfter(clock.instant());
  }

  private String plan(String ref, Snapshot base) {
    try {
      Snapshot head = mirror.snapshot(ref);
      RenderedRepository rendered = rendering.render(head);
      PullRequestPlan plan =
          planner.plan(
              new Revision(PullRequestIds.of(ref), ref, head.commitId(), base.commitId()),
              rendered,
              rendering.render(base).designs());
      PullRequestPlan previous = store.find(source(), ref).orElse(null);
      store.put(plan);
      if (previous != null && PlanOutcome.same(previous, plan)) {
        return ref;
      }
      for (PlanPublisher publisher : publishers) {
        try {
          publisher.publish(plan);
        } catch (RuntimeException e) {
          LOG.warn("source {}: publishing the plan of {} failed: {}", source(), ref, e.toString());
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("source {}: planning {} failed: {}", source(), ref, e.toString());
    }
    return ref;
  }

  private String source() {
    return mirror.source().name();
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
