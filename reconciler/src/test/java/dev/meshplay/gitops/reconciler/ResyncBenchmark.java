package dev.meshplay.gitops.reconciler;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.Snapshot;
import dev.meshplay.gitops.git.SourceMirror;
import dev.meshplay.gitops.reconciler.cluster.ChangeListener;
import dev.meshplay.gitops.reconciler.cluster.Cluster;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.cluster.WatchedCluster;
import dev.meshplay.gitops.reconciler.loop.Reconciler;
import dev.meshplay.gitops.reconciler.loop.SnapshotRenderer;
import dev.meshplay.gitops.reconciler.loop.Target;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How much a pass over unchanged objects asks of the API server: the watch-backed pass (what the
 * daemon does) against a pass that GETs every object, and against the naive strategy of a
 * server-side dry-run apply of every object (Flux's), in one run on one sandbox.
 *
 * <pre>
 * ./mvnw -q -pl reconciler test-compile exec:java \
 *   -Dexec.mainClass=dev.meshplay.gitops.reconciler.ResyncBenchmark [-Dobjects=2000]
 * </pre>
 */
public final class ResyncBenchmark {
  private ResyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    int objects = Integer.getInteger("objects", 2000);
    Path tmp = Files.createTempDirectory("resync-bench");
    try (DesignRepository repo = DesignRepository.init(tmp.resolve("repo"));
        SandboxCluster sandbox = SandboxCluster.start()) {
      repo.write(
          "manifests/bench/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bench\n");
      for (int i = 0; i < objects; i++) {
        repo.write("manifests/bench/cm-" + i + ".yaml", configMap(i));
      }
      repo.commit("bench");
      Snapshot snapshot;
      try (SourceMirror mirror =
          SourceMirror.open(
              new GitSource("bench", repo.dir().toString(), "main"), tmp.resolve("mirrors"))) {
        snapshot = mirror.poll().snapshot();
        SnapshotRenderer renderer =
            new SnapshotRenderer(new RepositoryRenderer(KustomizeRunner.kubectl()), tmp);
        renderer.render(snapshot);

        KubernetesCluster api = new KubernetesCluster("sandbox", sandbox.client());
        measure(
            "first apply of " + objects + " objects", sandbox, () -> pass(api, renderer, snapshot));
        measure("no-op pass, GET per object", sandbox, () -> pass(api, renderer, snapshot));
        try (WatchedCluster watched =
            new WatchedCluster("sandbox", sandbox.client(), ChangeListener.any(() -> {}))) {
          pass(watched, renderer, snapshot); // starts and fills the watches
          Thread.sleep(2000);
          measure(
              "no-op pass, watch-backed (the daemon)",
              sandbox,
              () -> pass(watched, renderer, snapshot));
        }
        measure("naive: dry-run apply every object", sandbox, () -> dryRunAll(sandbox, objects));
      }
    }
  }

  private static void pass(Cluster cluster, SnapshotRenderer renderer, Snapshot snapshot) {
    new Reconciler("bench", Target.of(cluster), renderer).reconcile(snapshot);
  }

  private static void dryRunAll(SandboxCluster sandbox, int objects) {
    for (int i = 0; i < objects; i++) {
      sandbox
          .client()
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("cm-" + i)
                  .withNamespace("bench")
                  .endMetadata()
                  .addToData("i", String.valueOf(i))
                  .build())
          .dryRun()
          .fieldManager("meshplay-gitops")
          .forceConflicts()
          .serverSideApply();
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void measure(String label, SandboxCluster sandbox, Step step) throws Exception {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Map<String, Long> before = new HashMap<>(sandbox.requestCounts());
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    step.run();
    long wallMs = (System.nanoTime() - start) / 1_000_000;
    long cpuMs = (os.getProcessCpuTime() - cpu) / 1_000_000;
    Map<String, Long> after = sandbox.requestCounts();
    Map<String, Long> delta = new java.util.TreeMap<>();
    after.forEach(
        (verb, n) -> {
          long d = n - before.getOrDefault(verb, 0L);
          if (d > 0) {
            delta.put(verb, d);
          }
        });
    System.out.printf("%-45s wall %6d ms  cpu %6d ms  requests %s%n", label, wallMs, cpuMs, delta);
  }

  private static String configMap(int i) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-%d\n  namespace: bench\ndata:\n  i: \"%d\"\n"
        .formatted(i, i);
  }
}
