package dev.meshplay.gitops.sandbox;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What one request costs the sandbox as its store fills: at each of {@code -Dcheckpoints} (default
 * 1000,10000,100000) stored ConfigMaps, the mean wall and CPU time of 500 GETs and of 500
 * server-side applies of one object. Client and server share this process, so CPU counts both.
 *
 * <pre>
 * ./mvnw -o -q -pl sandbox test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.meshplay.gitops.sandbox.StoreCostBenchmark [-Dcheckpoints=1000,10000]
 * </pre>
 */
public final class StoreCostBenchmark {
  private static final int SAMPLES = 500;

  private StoreCostBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] checkpoints =
        Arrays.stream(System.getProperty("checkpoints", "1000,10000,100000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    try (SandboxCluster sandbox = SandboxCluster.start()) {
      KubernetesClient client = sandbox.client();
      client
          .resource(new NamespaceBuilder().withNewMetadata().withName("fill").endMetadata().build())
          .serverSideApply();
      int stored = 0;
      Random random = new Random(1);
      for (int target : checkpoints) {
        long fillStart = System.nanoTime();
        fill(client, stored, target);
        stored = target;
        System.out.printf(
            "%,d objects stored (filled in %.1f s)%n",
            stored, (System.nanoTime() - fillStart) / 1e9);
        int objects = stored;
        measure(
            "GET one object",
            () ->
                client
                    .configMaps()
                    .inNamespace("fill")
                    .withName(name(random.nextInt(objects)))
                    .get());
        measure(
            "server-side apply of one object",
            () -> apply(client, random.nextInt(objects), "changed-" + random.nextInt()));
      }
    }
    System.exit(0);
  }

  private static void fill(KubernetesClient client, int from, int to) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int i = from; i < to; i++) {
      int k = i;
      done.add(pool.submit(() -> apply(client, k, "0")));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
  }

  private static ConfigMap apply(KubernetesClient client, int k, String value) {
    return client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name(k))
                .withNamespace("fill")
                .endMetadata()
                .addToData("value", value)
                .build())
        .fieldManager("bench")
        .forceConflicts()
        .serverSideApply();
  }

  private static String name(int k) {
    return "cm-" + k;
  }

  private static void measure(String label, Runnable request) {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < SAMPLES; i++) {
      request.run();
    }
    System.out.printf(
        "  %-32s %.2f ms wall, %.2f ms CPU per request%n",
        label,
        (System.nanoTime() - start) / 1e6 / SAMPLES,
        (os.getProcessCpuTime() - cpu) / 1e6 / SAMPLES);
  }
}
