package dev.meshplay.gitops.reconciler;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.SourceMirror;
import dev.meshplay.gitops.git.webhook.WebhookReceiver;
import dev.meshplay.gitops.perf.BenchmarkRunner;
import dev.meshplay.gitops.perf.Benchmarks;
import dev.meshplay.gitops.perf.prometheus.PrometheusQueries;
import dev.meshplay.gitops.perf.prometheus.ServerMetricsRunner;
import dev.meshplay.gitops.perf.schedule.ScheduleStore;
import dev.meshplay.gitops.reconciler.bench.BenchmarkResults;
import dev.meshplay.gitops.reconciler.bench.BenchmarkService;
import dev.meshplay.gitops.reconciler.bench.ResultsCommitter;
import dev.meshplay.gitops.reconciler.bench.ServiceTargetRunner;
import dev.meshplay.gitops.reconciler.cluster.ChangeListener;
import dev.meshplay.gitops.reconciler.cluster.Cluster;
import dev.meshplay.gitops.reconciler.cluster.InstalledModels;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.cluster.ServiceAccess;
import dev.meshplay.gitops.reconciler.cluster.WatchedCluster;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.config.ScheduleStoreConfig;
import dev.meshplay.gitops.reconciler.events.Event;
import dev.meshplay.gitops.reconciler.events.EventKind;
import dev.meshplay.gitops.reconciler.events.EventLog;
import dev.meshplay.gitops.reconciler.loop.PassRecorder;
import dev.meshplay.gitops.reconciler.loop.Reconciler;
import dev.meshplay.gitops.reconciler.loop.SnapshotRenderer;
import dev.meshplay.gitops.reconciler.loop.SourceLoop;
import dev.meshplay.gitops.reconciler.loop.SourceWakeUp;
import dev.meshplay.gitops.reconciler.loop.Target;
import dev.meshplay.gitops.reconciler.manifest.ManifestStore;
import dev.meshplay.gitops.reconciler.metrics.GitOpsMetrics;
import dev.meshplay.gitops.reconciler.prplan.PullRequestMode;
import dev.meshplay.gitops.reconciler.prplan.PullRequestPlans;
import dev.meshplay.gitops.reconciler.settings.RepositorySettings;
import dev.meshplay.gitops.reconciler.shard.ClusterOwnership;
import dev.meshplay.gitops.reconciler.shard.LeasedClusters;
import dev.meshplay.gitops.reconciler.shard.OwnedCluster;
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
import io.fabric8.kubernetes.client.KubernetesClient;
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
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Daemon.class);
  private final List<SourceLoop> loops;
  private final StatusServer server;
  private final StatusStore store;
  private final PullRequestMode pullRequests;

  private final List<AutoCloseable> caches;
  private final EventLog events;
  private final ClusterOwnership ownership;

  private Daemon(
      List<SourceLoop> loops,
      StatusServer server,
      StatusStore store,
      PullRequestMode pullRequests,
      List<AutoCloseable> caches,
      EventLog events,
      ClusterOwnership ownership) {
    this.events = events;
    this.caches = caches;
    this.ownership = ownership;
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
    return start(config, given, renderer, null);
  }

  /**
   * The same, as one of several replicas when {@code config.sharding()} is set: each cluster is
   * reconciled only while this replica holds its Lease in {@code control}.
   *
   * @param control the cluster holding the Leases; null for a single replica
   */
  public static Daemon start(
      DaemonConfig config,
      List<Target> given,
      RepositoryRenderer renderer,
      KubernetesClient control) {
    // Reads of our own objects come from watches; a change behind our back triggers a pass.
    List<SourceLoop> loops = new java.util.concurrent.CopyOnWriteArrayList<>();
    Map<String, SourceLoop> bySource = new java.util.concurrent.ConcurrentHashMap<>();
    ChangeListener changed = new SourceWakeUp(loops, bySource);
    LeasedClusters leases =
        control == null || config.sharding() == null
            ? null
            : new LeasedClusters(
                control, config.sharding(), cluster -> changed.everythingChanged());
    ClusterOwnership ownership = leases == null ? ClusterOwnership.EVERYTHING : leases;
    List<AutoCloseable> caches = new ArrayList<>();
    List<Target> targets = given.stream().map(t -> watched(t, changed, ownership, caches)).toList();
    Path mirrors = directory(config.workDir().resolve("mirrors"));
    Path scratch = directory(config.workDir().resolve("scratch"));
    StatusStore store = new StatusStore();
    BenchmarkResults benchmarks = new BenchmarkResults();
    GitOpsMetrics metrics = new GitOpsMetrics(Clock.systemUTC());
    PullRequestMode pullRequests =
        new PullRequestMode(
            targets, renderer, scratch, config.forges(), config.inventoryNamespace());
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
              benchmarkService(source.name(), benchmarks, given, mirror, config),
              metrics);
      loop.onPoll(pullRequests.track(mirror));
      loop.onPass(new PassRecorder(events, manifests, Clock.systemUTC()));
      loop.onlyOwned(ownership::owns);
      loops.add(loop);
    }
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
    if (leases != null) {
      leases.start(targets.stream().map(Target::name).toList());
    }
    return new Daemon(loops, server, store, pullRequests, caches, events, ownership);
  }

  private static Target watched(
      Target target,
      ChangeListener changed,
      ClusterOwnership ownership,
      List<AutoCloseable> caches) {
    if (!(target.cluster() instanceof KubernetesCluster api)) {
      throw new IllegalArgumentException(
          "cluster " + target.name() + " must be reached through the Kubernetes API adapter");
    }
    WatchedCluster watched = new WatchedCluster(target.name(), api.client(), changed);
    caches.add(watched);
    return new Target(target.name(), target.labels(), new OwnedCluster(watched, ownership));
  }

  /**
   * Runs a source's scheduled profiles: Service targets are looked up in the target clusters, the
   * server side's CPU and memory are read from Prometheus when configured, results are committed
   * back to the source's branch, and the schedules live in a clustered store when configured.
   */
  private static BenchmarkService benchmarkService(
      String source,
      BenchmarkResults results,
      List<Target> targets,
      SourceMirror mirror,
      DaemonConfig config) {
    List<ServiceAccess> clusters =
        targets.stream()
            .map(t -> new ServiceAccess(t.name(), ((KubernetesCluster) t.cluster()).client()))
            .toList();
    BenchmarkRunner runner = new ServiceTargetRunner(Benchmarks.standard(), List.copyOf(clusters));
    if (config.prometheus() != null) {
      runner =
          new ServerMetricsRunner(
              runner, new PrometheusQueries(config.prometheus()), warning -> LOG.warn(warning));
    }
    ScheduleStoreConfig schedules = config.schedules();
    // Replicas of one source share one Quartz cluster, named after the source.
    ScheduleStore store =
        schedules == null
            ? ScheduleStore.IN_MEMORY
            : new ScheduleStore.ClusteredJdbc(
                "meshplay-benchmarks-" + source,
                schedules.jdbcUrl(),
                schedules.user(),
                password(schedules),
                schedules.checkinInterval());
    try {
      return new BenchmarkService(
          source, runner, results, ResultsCommitter.forMirror(mirror), store);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the benchmark scheduler: " + e.getMessage(), e);
    }
  }

  private static String password(ScheduleStoreConfig schedules) {
    try {
      return schedules.password() == null ? null : schedules.password().reveal();
    } catch (IllegalStateException e) {
      throw new dev.meshplay.gitops.reconciler.config.ConfigException(
          "schedules.password: " + e.getMessage());
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
    // Only after the loops stopped writing: the next owner may start at once.
    ownership.close();
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
