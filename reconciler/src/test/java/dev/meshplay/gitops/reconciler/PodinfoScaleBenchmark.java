package dev.meshplay.gitops.reconciler;

import dev.meshplay.gitops.reconciler.metrics.PrometheusText;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Flux's published bar (flux-benchmark: 1,000 Kustomizations of podinfo) on our terms: {@code
 * designs} podinfo-sized designs (Deployment + Service + HorizontalPodAutoscaler each, one file per
 * design) in one repository, from a cold daemon to every design Synced in the sandbox (simulated
 * controllers finish the rollouts); then one commit that changes one design, timed to Synced, with
 * the number of designs rendered for it (it must be 1). Wall time, the daemon process's peak RSS
 * ({@code VmHWM}) and heap after GC; the sandbox emulator runs in the same process and is in the
 * memory figures.
 *
 * <pre>
 * ./mvnw -q -pl reconciler test-compile exec:java \
 *   -Dexec.mainClass=dev.meshplay.gitops.reconciler.PodinfoScaleBenchmark [-Ddesigns=1000] [-Dinterval=2]
 * </pre>
 */
public final class PodinfoScaleBenchmark {
  private PodinfoScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    int designs = Integer.getInteger("designs", 1000);
    Duration interval = Duration.ofSeconds(Integer.getInteger("interval", 2));
    Path tmp = Files.createTempDirectory("podinfo-bench");
    try (DesignRepository repo = DesignRepository.init(tmp.resolve("repo"));
        SandboxCluster sandbox = SandboxCluster.start().simulateControllers()) {
      repo.write(
          "manifests/namespace/ns.yaml",
          "apiVersion: v1\nkind: Namespace\nmetadata: {name: podinfo}\n");
      for (int i = 0; i < designs; i++) {
        repo.write("manifests/podinfo-" + i + "/podinfo.yaml", podinfo(i, "6.7.0"));
      }
      String first = repo.commit(designs + " podinfo designs");
      System.out.printf(
          "repository: %d designs, %d objects; heap after GC before the daemon %.1f MiB%n",
          designs, designs * 3 + 1, mib(heapAfterGc()));

      long start = System.nanoTime();
      try (Daemon daemon =
          TestDaemons.start(
              tmp.resolve("state"), repo.dir(), "podinfo", interval, sandbox.client())) {
        StatusClient page = new StatusClient(daemon.port());
        awaitSynced(page, first, designs + 1);
        long coldMs = (System.nanoTime() - start) / 1_000_000;
        double rendered = rendered(page);
        double[] passesBefore = passes(page);
        System.out.printf(
            "cold to synced: %d designs in %.1f s; designs rendered %.0f; requests %s;"
                + " peak RSS %.0f MiB; heap after GC %.1f MiB%n",
            designs + 1,
            coldMs / 1000.0,
            rendered,
            sandbox.requestCounts(),
            peakRssMib(),
            mib(heapAfterGc()));

        String second =
            repo.write("manifests/podinfo-7/podinfo.yaml", podinfo(7, "6.7.1")).commit("one");
        long commitStart = System.nanoTime();
        awaitSynced(page, second, designs + 1);
        long oneMs = (System.nanoTime() - commitStart) / 1_000_000;
        System.out.printf(
            "one commit touching one design: synced in %.2f s (poll interval %d s ±10%%);"
                + " designs rendered for it: %.0f%n",
            oneMs / 1000.0, interval.toSeconds(), rendered(page) - rendered);
        double[] passesAfter = passes(page);
        System.out.printf(
            "passes: %.0f to cold-synced (%.1f s in passes); %.0f more for the commit, %.2f s each"
                + " on average%n",
            passesBefore[0],
            passesBefore[1],
            passesAfter[0] - passesBefore[0],
            (passesAfter[1] - passesBefore[1]) / Math.max(1, passesAfter[0] - passesBefore[0]));
      }
    }
  }

  private static void awaitSynced(StatusClient page, String commit, int designs)
      throws InterruptedException {
    while (true) {
      JsonNode status = page.status();
      JsonNode source = status.path("sources").path(0);
      if (commit.equals(source.path("lastAppliedCommit").asString())) {
        int synced = 0;
        for (JsonNode design : status.path("designs")) {
          synced += "Synced".equals(design.path("status").asString()) ? 1 : 0;
        }
        if (synced == designs) {
          return;
        }
      }
      Thread.sleep(500);
    }
  }

  private static double rendered(StatusClient page) {
    return PrometheusText.parse(page.get("/metrics").body())
        .samples("meshplay_gitops_designs_rendered_total")
        .stream()
        .mapToDouble(PrometheusText.Sample::value)
        .sum();
  }

  /** Passes into the cluster so far, and the seconds they took together. */
  private static double[] passes(StatusClient page) {
    PrometheusText metrics = PrometheusText.parse(page.get("/metrics").body());
    double count = 0;
    double sum = 0;
    for (var s : metrics.samples("meshplay_gitops_sync_duration_seconds_count")) {
      count += s.value();
    }
    for (var s : metrics.samples("meshplay_gitops_sync_duration_seconds_sum")) {
      sum += s.value();
    }
    return new double[] {count, sum};
  }

  private static String podinfo(int i, String tag) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: podinfo-%1$d, namespace: podinfo, labels: {app: podinfo-%1$d}}
        spec:
          replicas: 2
          selector: {matchLabels: {app: podinfo-%1$d}}
          template:
            metadata: {labels: {app: podinfo-%1$d}}
            spec:
              containers:
                - name: podinfod
                  image: ghcr.io/stefanprodan/podinfo:%2$s
                  command: [./podinfo, --port=9898, --level=info]
                  ports: [{name: http, containerPort: 9898, protocol: TCP}]
                  readinessProbe: {httpGet: {path: /readyz, port: 9898}}
                  livenessProbe: {httpGet: {path: /healthz, port: 9898}}
                  resources:
                    limits: {cpu: 2000m, memory: 512Mi}
                    requests: {cpu: 100m, memory: 64Mi}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: podinfo-%1$d, namespace: podinfo}
        spec:
          type: ClusterIP
          selector: {app: podinfo-%1$d}
          ports: [{name: http, port: 9898, targetPort: http, protocol: TCP}]
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: podinfo-%1$d, namespace: podinfo}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: podinfo-%1$d}
          minReplicas: 2
          maxReplicas: 4
          metrics:
            - type: Resource
              resource: {name: cpu, target: {type: Utilization, averageUtilization: 99}}
        """
        .formatted(i, tag);
  }

  private static double peakRssMib() throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(300);
    }
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }
}
