package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.git.Backoff;
import dev.meshplay.gitops.git.CommitBack;
import dev.meshplay.gitops.git.Identity;
import dev.meshplay.gitops.git.SourceMirror;
import dev.meshplay.gitops.reconciler.forge.ForgeConfig;
import dev.meshplay.gitops.reconciler.loop.Target;
import dev.meshplay.gitops.render.RepositoryRenderer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The daemon's pull-request mode, wired once by the composition root: one {@link
 * PullRequestPlanner} per source that tracks pull-request refs, one {@link PlanStore} for all.
 */
public final class PullRequestMode implements AutoCloseable {
  /** Who the notes are written by. */
  public static final Identity COMMITTER =
      new Identity("Meshplay GitOps", "meshplay-gitops@users.noreply.meshplay.dev");

  /** How often an open plan is checked against the live clusters again. */
  static final Duration REFRESH = Duration.ofMinutes(5);

  private static final Backoff PUSH_BACKOFF =
      new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

  private final List<Target> targets;
  private final RepositoryRenderer renderer;
  private final Path scratch;
  private final PlanStore store = new PlanStore();
  private final List<PullRequestPlanner> planners = new ArrayList<>();

  private final Map<String, ForgeConfig> forges;
  private final String inventoryNamespace;

  /**
   * @param forges by source name, where plans are published besides the note
   * @param inventoryNamespace where the daemon keeps its inventories, so plans prune from them
   */
  public PullRequestMode(
      List<Target> targets,
      RepositoryRenderer renderer,
      Path scratch,
      Map<String, ForgeConfig> forges,
      String inventoryNamespace) {
    this.targets = List.copyOf(targets);
    this.renderer = renderer;
    this.scratch = scratch;
    this.forges = Map.copyOf(forges);
    this.inventoryNamespace = inventoryNamespace;
  }

  /**
   * The hook a source loop calls after each poll: plans the source's pull requests, or does nothing
   * when the source tracks none.
   */
  public synchronized Consumer<SourceMirror.PollResult> track(SourceMirror mirror) {
    if (mirror.source().pullRequestRefs().isEmpty()) {
      return result -> {};
    }
    CommitBack notes =
        new CommitBack(mirror, COMMITTER, CommitBack.DEFAULT_NOTES_REF, PUSH_BACKOFF, 5);
    PullRequestPlanner planner =
        new PullRequestPlanner(
            mirror,
            new SnapshotRendering(renderer, scratch),
            new RepositoryPlanner(
                mirror.source().name(), targets, false, Clock.systemUTC(), inventoryNamespace),
            store,
            publishers(mirror.source().name(), notes),
            REFRESH,
            Clock.systemUTC());
    planners.add(planner);
    return planner::accept;
  }

  private List<PlanPublisher> publishers(String source, CommitBack notes) {
    List<PlanPublisher> publishers = new ArrayList<>();
    publishers.add(new NotePublisher(notes));
    ForgeConfig forge = forges.get(source);
    if (forge != null) {
      publishers.add(new ForgePublisher(forge.client(), forge.statusPage()));
    }
    return publishers;
  }

  /** The plans, read-only, for the status page and the API. */
  public PullRequestPlans plans() {
    return store;
  }

  @Override
  public synchronized void close() {
    planners.forEach(PullRequestPlanner::close);
  }
}
