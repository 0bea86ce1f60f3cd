package dev.meshplay.gitops.reconciler.load;

import dev.meshplay.gitops.reconciler.Daemon;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.status.ClusterStatus;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One daemon over a {@link LoadFleet}, against a sandbox in its own process, so this JVM's CPU time
 * and heap are the daemon's (and this harness's, which only polls the status store).
 */
public final class LoadRun implements AutoCloseable {
  private final LoadFleet fleet;
  private final SandboxProcess sandbox;
  private final KubernetesClient client;
  private final Daemon daemon;
  private final long startNanos;
  private final long startCpuNanos;
  private final Map<String, Long> startRequests;

  private LoadRun(LoadFleet fleet, SandboxProcess sandbox, Path state, Duration interval)
      throws Exception {
    this.fleet = fleet;
    this.sandbox = sandbox;
    this.client = sandbox.client();
    DaemonConfig config =
        new DaemonConfig("127.0.0.1", 0, state, interval, fleet.sources(), ClusterConfig.sandbox());
    this.startRequests = sandbox.requestCounts();
    this.startCpuNanos = processCpuNanos();
    this.startNanos = System.nanoTime();
    this.daemon =
        Daemon.start(
            config,
            new KubernetesCluster("sandbox", client),
            new RepositoryRenderer(KustomizeRunner.kubectl()));
  }

  /** Creates the fleet's repositories, then starts the sandbox and the daemon. */
  public static LoadRun start(LoadShape shape, Duration interval) throws Exception {
    Path tmp = Files.createTempDirectory("load-run");
    LoadFleet fleet = LoadFleet.create(tmp.resolve("repos"), shape);
    return new LoadRun(fleet, SandboxProcess.start("4g"), tmp.resolve("state"), interval);
  }

  public LoadFleet fleet() {
    return fleet;
  }

  public Daemon daemon() {
    return daemon;
  }

  public FleetProgress progress() {
    return FleetProgress.of(daemon.store().sources(), fleet.heads(), fleet.shape().designs());
  }

  /** Waits until every source is synced at its HEAD; the time since the daemon started. */
  public Duration awaitSynced(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextReport = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!progress().done()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not synced after " + timeout + ": " + progress());
      }
      if (System.nanoTime() > nextReport) {
        System.out.printf("    %s after %d s%n", progress(), sinceStart().toSeconds());
        nextReport = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      }
      Thread.sleep(200);
    }
    return sinceStart();
  }

  public Duration sinceStart() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** CPU time of this JVM (the daemon) since the daemon started. */
  public Duration daemonCpu() {
    return Duration.ofNanos(processCpuNanos() - startCpuNanos);
  }

  public Duration sandboxCpu() {
    return sandbox.cpuTime();
  }

  /** Requests the sandbox answered since the daemon started, by verb. */
  public Map<String, Long> requests() throws Exception {
    return minus(sandbox.requestCounts(), startRequests);
  }

  public Map<String, Long> requestCounts() throws Exception {
    return sandbox.requestCounts();
  }

  /** Heap in use after a full collection, in MiB. */
  public static double heapAfterGcMiB() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
  }

  /**
   * Asks every source for a pass at once (an unsigned push delivery of its HEAD) and waits until
   * each has finished one that started after the request: the wall time, and each pass's duration.
   */
  public NoOpPass noOpPass() throws Exception {
    Map<String, Long> before = sandbox.requestCounts();
    Instant asked = Instant.now();
    long start = System.nanoTime();
    PushHooks hooks = new PushHooks(daemon.port());
    for (int s = 0; s < fleet.shape().sources(); s++) {
      String name = LoadFleet.sourceName(s);
      hooks.deliver(name, fleet.directory(s), fleet.heads().get(name), "noop-" + s, null).join();
    }
    List<Duration> passes = new ArrayList<>();
    while (true) {
      passes.clear();
      for (SourceStatus source : daemon.store().sources()) {
        for (ClusterStatus cluster : source.clusters()) {
          if (cluster.lastPassStarted() != null && !cluster.lastPassStarted().isBefore(asked)) {
            passes.add(cluster.lastPassDuration());
          }
        }
      }
      if (passes.size() == fleet.shape().sources()) {
        break;
      }
      Thread.sleep(50);
    }
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    return new NoOpPass(
        wall,
        passes.stream().max(Duration::compareTo).orElseThrow(),
        minus(sandbox.requestCounts(), before));
  }

  /** Every source's no-op pass: the wall time for all, the slowest pass, requests made. */
  public record NoOpPass(Duration wall, Duration slowest, Map<String, Long> requests) {}

  private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> delta = new HashMap<>();
    after.forEach(
        (verb, n) -> {
          long d = n - before.getOrDefault(verb, 0L);
          if (d > 0) {
            delta.put(verb, d);
          }
        });
    return delta;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  @Override
  public void close() {
    daemon.close();
    client.close();
    sandbox.close();
    fleet.close();
  }
}
