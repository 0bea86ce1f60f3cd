package dev.meshplay.gitops.reconciler;

import dev.meshplay.gitops.reconciler.cluster.ChangeListener;
import dev.meshplay.gitops.reconciler.cluster.WatchedCluster;
import dev.meshplay.gitops.reconciler.inventory.Ownership;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * What the daemon's watch cache costs in heap: the sandbox is filled with {@code objects} owned
 * ConfigMaps (podinfo-sized: a few labels and annotations, ~1 KiB of data), heap is measured after
 * GC, then a {@link WatchedCluster} reads one of them (which starts the informer that caches them
 * all), and heap is measured after GC again once the cache holds every object. The emulator's own
 * store is in the same process and in both measurements: the difference is the cache.
 *
 * <pre>
 * ./mvnw -q -pl reconciler test-compile exec:java \
 *   -Dexec.mainClass=dev.meshplay.gitops.reconciler.WatchCacheMemoryBenchmark [-Dobjects=10000]
 * </pre>
 */
public final class WatchCacheMemoryBenchmark {
  private WatchCacheMemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int objects = Integer.getInteger("objects", 10_000);
    try (SandboxCluster sandbox = SandboxCluster.start()) {
      var client = sandbox.client();
      client
          .resource(
              new NamespaceBuilder().withNewMetadata().withName("bench").endMetadata().build())
          .create();
      String data = "x".repeat(1024);
      long start = System.nanoTime();
      new ForkJoinPool(4)
          .submit(
              () ->
                  IntStream.range(0, objects)
                      .parallel()
                      .forEach(
                          i ->
                              client
                                  .resource(
                                      new ConfigMapBuilder()
                                          .withNewMetadata()
                                          .withName("cm-" + i)
                                          .withNamespace("bench")
                                          .addToLabels(Ownership.MANAGED_BY, Ownership.MANAGER)
                                          .addToLabels("meshplay.dev/source", "bench")
                                          .addToAnnotations(
                                              "meshplay.dev/design", "manifests/bench")
                                          .addToAnnotations(
                                              "meshplay.dev/config-hash", "sha256-" + i)
                                          .endMetadata()
                                          .addToData("payload", data)
                                          .build())
                                  .create()))
          .get();
      System.out.printf(
          "created %d ConfigMaps in %d ms%n", objects, (System.nanoTime() - start) / 1_000_000);

      long before = heapAfterGc();
      try (WatchedCluster watched =
          new WatchedCluster("sandbox", client, ChangeListener.any(() -> {}))) {
        long watchStart = System.nanoTime();
        watched.get(new ObjectRef("v1", "ConfigMap", "bench", "cm-0"));
        // The informer lists every owned ConfigMap; wait until reads come from the cache.
        while (!cached(watched, objects)) {
          Thread.sleep(200);
        }
        long synced = (System.nanoTime() - watchStart) / 1_000_000;
        long after = heapAfterGc();
        System.out.printf(
            "heap after GC: %.1f MiB without the cache, %.1f MiB with %d objects cached:"
                + " %.1f MiB for the cache (%.0f bytes per object); cache filled in %d ms%n",
            mib(before),
            mib(after),
            objects,
            mib(after - before),
            (after - before) / (double) objects,
            synced);
      }
    }
  }

  private static boolean cached(WatchedCluster watched, int objects) {
    return watched.cachedObjects() >= objects;
  }

  private static long heapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(300);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
