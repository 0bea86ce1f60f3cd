package dev.meshplay.gitops.reconciler;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.SourceMirror;
import dev.meshplay.gitops.perf.Benchmarks;
import dev.meshplay.gitops.reconciler.bench.BenchmarkResults;
import dev.meshplay.gitops.reconciler.bench.BenchmarkService;
import dev.meshplay.gitops.reconciler.cluster.Cluster;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.loop.Reconciler;
import dev.meshplay.gitops.reconciler.loop.SnapshotRenderer;
import dev.meshplay.gitops.reconciler.loop.SourceLoop;
import dev.meshplay.gitops.reconciler.loop.Target;
import dev.meshplay.gitops.reconciler.prplan.PullRequestMode;
import dev.meshplay.gitops.reconciler.prplan.PullRequestPlans;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import dev.meshplay.gitops.reconciler.web.StatusServer;
import dev.meshplay.gitops.render.RepositoryRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.quartz.SchedulerException;

/** The running daemon: one loop per source into one cluster, and the status server. */
public final class Daemon implements AutoCloseable {
  private final List<SourceLoop> loops;
  private final StatusServer server;
  private final StatusStore store;
  private final PullRequestMode pullRequests;

  private Daemon(
      List<SourceLoop> loops,
      StatusServer server,
      StatusStore store,
      PullRequestMode pullRequests) {
    this.loops = loops;
    this.server = server;
    this.store = store;
    this.pullRequests = pullRequests;
  }

  /** Wires everything by hand from the config and starts the loops and the server. */
  public static Daemon start(DaemonConfig config, Cluster cluster, RepositoryRenderer renderer) {
    return start(config, List.of(Target.of(cluster)), renderer);
  }

  /** The same, with every cluster designs may target. */
  public static Daemon start(
      DaemonConfig config, List<Target> targets, RepositoryRenderer renderer) {
    Path mirrors = directory(config.workDir().resolve("mirrors"));
    Path scratch = directory(config.workDir().resolve("scratch"));
    StatusStore store = new StatusStore();
    BenchmarkResults benchmarks = new BenchmarkResults();
    List<SourceLoop> loops = new ArrayList<>();
    PullRequestMode pullRequests = new PullRequestMode(targets, renderer, scratch, config.forges());
    for (GitSource source : config.sources()) {
      SourceMirror mirror = SourceMirror.open(source, mirrors);
      SnapshotRenderer rendering = new SnapshotRenderer(renderer, scratch);
      List<Reconciler> reconcilers =
          targets.stream().map(t -> new Reconciler(source.name(), t, rendering)).toList();
      SourceLoop loop =
          new SourceLoop(
              mirror,
              reconcilers,
              store,
              Clock.systemUTC(),
              rendering,
              benchmarkService(source.name(), benchmarks));
      loop.onPoll(pullRequests.track(mirror));
      loops.add(loop);
    }
    StatusServer server = StatusServer.start(config.host(), config.port(), store, benchmarks);
    loops.forEach(loop -> loop.start(config.interval()));
    return new Daemon(loops, server, store, pullRequests);
  }

  private static BenchmarkService benchmarkService(String source, BenchmarkResults results) {
    try {
      return new BenchmarkService(source, Benchmarks.standard(), results);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the benchmark scheduler: " + e.getMessage(), e);
    }
  }

  public StatusStore store() {
    return store;
  }

  /** The plans of the open pull requests, read-only. */
  public PullRequestPlans pullRequests() {
    return pullRequests.plans();
  }

  public int port() {
    return server.port();
  }

  private static Path directory(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  @Override
  public void close() {
    loops.forEach(SourceLoop::close);
    pullRequests.close();
    server.close();
  }
}
