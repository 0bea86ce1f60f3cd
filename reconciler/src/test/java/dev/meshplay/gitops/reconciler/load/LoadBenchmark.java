package dev.meshplay.gitops.reconciler.load;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * One daemon reconciling {@code -Dshape} (default 100 sources x 10 designs x 100 objects = 100,000
 * objects) into a sandbox in its own process, after the named baseline {@code -Dbaseline} (default
 * 10 x 10 x 100) in the same run: time from the daemon's start to every source Synced at HEAD, the
 * daemon's CPU time, heap after GC, API requests per object, and a no-op pass of every source after
 * convergence.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx6g ./mvnw -o -q -pl reconciler test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.meshplay.gitops.reconciler.load.LoadBenchmark \
 *   [-Dshape=100x10x100] [-Dbaseline=10x10x100]
 * </pre>
 */
public final class LoadBenchmark {
  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    LoadShape baseline = LoadShape.parse(System.getProperty("baseline", "10x10x100"));
    LoadShape shape = LoadShape.parse(System.getProperty("shape", "100x10x100"));
    measure("warm-up (not a figure)", new LoadShape(2, 2, 5));
    Figures base = measure("baseline", baseline);
    Figures load = measure("load", shape);
    System.out.printf(
        "%nscaling: %.1fx objects took %.1fx time to Synced, %.1fx daemon CPU, %.1fx heap%n",
        (double) shape.totalObjects() / baseline.totalObjects(),
        (double) load.synced().toMillis() / base.synced().toMillis(),
        (double) load.daemonCpu().toMillis() / base.daemonCpu().toMillis(),
        load.heapMiB() / base.heapMiB());
    System.exit(0);
  }

  record Figures(
      LoadShape shape,
      Duration synced,
      Duration daemonCpu,
      Duration sandboxCpu,
      double heapMiB,
      Map<String, Long> requests,
      LoadRun.NoOpPass noOp) {}

  private static Figures measure(String label, LoadShape shape) throws Exception {
    System.out.printf("%s: %s (%,d objects)%n", label, shape, shape.totalObjects());
    try (LoadRun run = LoadRun.start(shape, Duration.ofMinutes(30))) {
      Duration synced = run.awaitSynced(Duration.ofHours(3));
      Duration cpu = run.daemonCpu();
      Map<String, Long> requests = new TreeMap<>(run.requests());
      double heap = LoadRun.heapAfterGcMiB();
      Thread.sleep(2000); // let the watches catch up with the last writes
      // Right after a burst of writes the watch cache may still be taking in their events, and a
      // pass reads what it lacks from the API server: repeat until a pass makes no request.
      LoadRun.NoOpPass noOp = run.noOpPass();
      for (int i = 2; i <= 5 && !noOp.requests().isEmpty(); i++) {
        System.out.printf(
            "  no-op pass %d made requests %s (%d ms); again%n",
            i - 1, new TreeMap<>(noOp.requests()), noOp.wall().toMillis());
        noOp = run.noOpPass();
      }
      long total = requests.values().stream().mapToLong(Long::longValue).sum();
      Figures figures = new Figures(shape, synced, cpu, run.sandboxCpu(), heap, requests, noOp);
      System.out.printf(
          "  synced in %.1f s; daemon CPU %.1f s, sandbox CPU %.1f s; heap after GC %.0f MiB%n",
          synced.toMillis() / 1000.0,
          cpu.toMillis() / 1000.0,
          figures.sandboxCpu().toMillis() / 1000.0,
          heap);
      System.out.printf(
          "  requests %s = %.2f per object%n", requests, (double) total / shape.totalObjects());
      System.out.printf(
          "  no-op pass of every source: %d ms wall, slowest pass %d ms, requests %s%n",
          noOp.wall().toMillis(), noOp.slowest().toMillis(), new TreeMap<>(noOp.requests()));
      return figures;
    }
  }
}
