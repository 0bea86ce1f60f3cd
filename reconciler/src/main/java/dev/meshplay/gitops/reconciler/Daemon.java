package dev.meshplay.gitops.reconciler;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.SourceMirror;
import dev.meshplay.gitops.git.webhook.WebhookReceiver;
import dev.meshplay.gitops.perf.Benchmarks;
import dev.meshplay.gitops.reconciler.bench.BenchmarkResults;
import dev.meshplay.gitops.reconciler.bench.BenchmarkService;
import dev.meshplay.gitops.reconciler.bench.ResultsCommitter;
import dev.meshplay.gitops.reconciler.bench.ServiceTargetRunner;
import dev.meshplay.gitops.reconciler.cluster.Cluster;
import dev.meshplay.gitops.reconciler.cluster.InstalledModels;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.cluster.ServiceAccess;
import dev.meshplay.gitops.reconciler.cluster.WatchedCluster;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.events.Event;
import dev.meshplay.gitops.reconciler.events.EventKind;
import dev.meshplay.gitops.reconciler.events.EventLog;
import dev.meshplay.gitops.reconciler.loop.PassRecorder;
import dev.meshplay.gitops.reconciler.loop.Reconciler;
import dev.meshplay.gitops.reconciler.loop.SnapshotRenderer;
import dev.meshplay.gitops.reconciler.loop.SourceLoop;
import dev.meshplay.gitops.reconciler.loop.Target;
import dev.meshplay.gitops.reconciler.manifest.ManifestStore;
import dev.meshplay.gitops.reconciler.metrics.GitOpsMetrics;
import dev.meshplay.gitops.reconciler.prplan.PullRequestMode;
import dev.meshplay.gitops.reconciler.prplan.PullRequestPlans;
import dev.meshplay.gitops.reconciler.settings.RepositorySettings;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import dev.meshplay.gitops.reconciler.web.ServerParts;
import dev.meshplay.gitops.reconciler.web.StatusServer;
import dev.meshplay.gitops.reconciler.web.WebhookRoute;
import dev.meshplay.gitops.render.HelmRunner;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import dev.meshplay.gitops.render.ValidationMode;
import dev.meshplay.gitops.render.Validator;
import dev.meshplay.gitops.render.registry.ComponentDefinition;
import dev.meshplay.gitops.render.registry.ModelRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quartz.SchedulerException;

/** The running daemon: one loop per source into one cluster, and the status server. */
public final class Daemon implements AutoCloseable {
  private final List<SourceLoop> loops;
  private final StatusServer server;
  private final StatusStore store;
  private final PullRequestMode pullRequests;

  private final List<AutoCloseable> caches;
  private final EventLog events;

  private Daemon(
      List<SourceLoop> loops,
      StatusServer server,
      StatusStore store,
      PullRequestMode pullRequests,
      List<AutoCloseable> caches,
      EventLog events) {
    this.events = events;
    this.caches = caches;
    this.loops = loops;
    this.server = server;
    this.store = store;
    this.pullRequests = pullRequests;
  }

  /**
   * The renderer the daemon uses: kustomize (standalone or kubectl's) and helm from the PATH, and
   * every object validated against the built-in Kubernetes model and the repository's CRDs and
   * models; unknown kinds are errors.
   */
  public static RepositoryRenderer validatingRenderer() {
    return validatingRenderer(List.of());
  }

  /**
   * The same, with the CRDs installed in the target clusters added to the model registry (read
   * once, at start), so custom resources whose CRD is not in the repository validate too.
   */
  public static RepositoryRenderer validatingRenderer(List<Target> targets) {
    List<ComponentDefinition> installed = new ArrayList<>();
    for (Target target : targets) {
      if (target.cluster() instanceof KubernetesCluster api) {
        installed.addAll(InstalledModels.of(target.name(), api.client()));
      }
    }
    ModelRegistry registry = ModelRegistry.kubernetes().with(installed, List.of());
    return new RepositoryRenderer(
        KustomizeRunner.onPath(),
        HelmRunner.onPath(),
        new Validator(registry, ValidationMode.DEFAULT));
  }

  /** Wires everything by hand from the config and starts the loops and the server. */
  public static Daemon start(DaemonConfig config, Cluster cluster, RepositoryRenderer renderer) {
    return start(config, List.of(Target.of(cluster)), renderer);
  }

  /** The same, with every cluster designs may target. */
  public static Daemon start(DaemonConfig config, List<Target> given, RepositoryRenderer renderer) {
    // Reads of our own objects come from watches; a change behind our back triggers a pass.
    List<SourceLoop> loops = new java.util.concurrent.CopyOnWriteArrayList<>();
    Runnable changed = () -> loops.forEach(SourceLoop::triggerNow);
    List<Target> targets = given.stream().map(t -> watched(t, changed)).toList();
    Path mirrors = directory(config.workDir().resolve("mirrors"));
    Path scratch = directory(config.workDir().resolve("scratch"));
    StatusStore store = new StatusStore();
    BenchmarkResults benchmarks = new BenchmarkResults();
    GitOpsMetrics metrics = new GitOpsMetrics(Clock.systemUTC());
    PullRequestMode pullRequests = new PullRequestMode(targets, renderer, scratch, config.forges());
    EventLog events = new EventLog();
    ManifestStore manifests = new ManifestStore();
    for (GitSource source : config.sources()) {
      SourceMirror mirror = SourceMirror.open(source, mirrors);
      SnapshotRenderer rendering =
          new SnapshotRenderer(renderer, scratch, n -> metrics.rendered(source.name(), n));
      List<Reconciler> reconcilers =
          targets.stream()
              .map(
                  t ->
                      new Reconciler(
                          source.name(),
                          t,
                          rendering,
                          config.inventoryNamespace(),
                          Reconciler.DEFAULT_STAGE_TIMEOUT))
              .toList();
      SourceLoop loop =
          new SourceLoop(
              mirror,
              reconcilers,
              store,
              Clock.systemUTC(),
              rendering,
              benchmarkService(source.name(), benchmarks, given, mirror),
              metrics);
      loop.onPoll(pullRequests.track(mirror));
      loop.onPass(new PassRecorder(events, manifests, Clock.systemUTC()));
      loops.add(loop);
    }
    Map<String, SourceLoop> bySource = new java.util.HashMap<>();
    loops.forEach(loop -> bySource.put(loop.sourceName(), loop));
    WebhookRoute webhooks =
        new WebhookRoute(
            new WebhookReceiver(config.sources(), config.webhookSecrets()),
            source -> {
              events.record(
                  Event.of(
                      Clock.systemUTC().instant(),
                      EventKind.WEBHOOK_RECEIVED,
                      source,
                      null,
                      null,
                      "push webhook: polling now"));
              bySource.get(source).triggerNow();
            });
    StatusServer server =
        StatusServer.start(
            config.host(),
            config.port(),
            store,
            benchmarks,
            metrics,
            webhooks,
            pullRequests.plans(),
            new ServerParts(events, manifests, config.access()));
    loops.forEach(loop -> loop.start(config.interval()));
    List<AutoCloseable> caches = new ArrayList<>();
    targets.forEach(t -> caches.add((WatchedCluster) t.cluster()));
    return new Daemon(loops, server, store, pullRequests, caches, events);
  }

  private static Target watched(Target target, Runnable changed) {
    if (!(target.cluster() instanceof KubernetesCluster api)) {
      throw new IllegalArgumentException(
          "cluster " + target.name() + " must be reached through the Kubernetes API adapter");
    }
    return new Target(
        target.name(), target.labels(), new WatchedCluster(target.name(), api.client(), changed));
  }

  /**
   * Runs a source's scheduled profiles: Service targets are looked up in the target clusters, and
   * results are committed back to the source's branch.
   */
  private static BenchmarkService benchmarkService(
      String source, BenchmarkResults results, List<Target> targets, SourceMirror mirror) {
    List<ServiceAccess> clusters =
        targets.stream()
            .map(t -> new ServiceAccess(t.name(), ((KubernetesCluster) t.cluster()).client()))
            .toList();
    try {
      return new BenchmarkService(
          source,
          new ServiceTargetRunner(Benchmarks.standard(), List.copyOf(clusters)),
          results,
          ResultsCommitter.forMirror(mirror));
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the benchmark scheduler: " + e.getMessage(), e);
    }
  }

  /** Tells {@code listener} the meshplay.yaml settings of every pass of every source. */
  public void onSettings(java.util.function.Consumer<RepositorySettings> listener) {
    loops.forEach(loop -> loop.onSettings(listener));
  }

  public StatusStore store() {
    return store;
  }

  /** The recent events, as the page and the stream show them. */
  public EventLog events() {
    return events;
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
    for (AutoCloseable cache : caches) {
      try {
        cache.close();
      } catch (Exception e) {
        // Stopping: a cache that fails to close holds nothing worth reporting.
      }
    }
  }
}
