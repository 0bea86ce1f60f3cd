package dev.meshplay.gitops.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Render + validate throughput on one thread, warm, for generated 1,000- and 10,000-object
 * repositories, with the same objects built by {@code kubectl kustomize} as the process baseline.
 *
 * <pre>./mvnw -q -pl render test-compile exec:java \
 *   -Dexec.mainClass=dev.meshplay.gitops.render.RenderBenchmark</pre>
 *
 * <p>{@code kubectl kustomize} of 10,000 objects takes minutes (it grows worse than linearly); add
 * {@code -Drender.bench.skipLargeBaseline=true} to leave that one run out.
 */
public final class RenderBenchmark {
  private static final int OBJECTS_PER_FILE = 100;
  private static final int ROUNDS = 3;

  private RenderBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.out.printf(
        "java %s, %d cpus available (one thread used)%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors());
    System.out.printf(
        "%-8s %-26s %8s %12s %14s%n", "objects", "pipeline", "runs", "ms/run", "objects/s");
    for (int objects : List.of(1_000, 10_000)) {
      Path repo = Files.createTempDirectory("render-bench-");
      generate(repo, objects);
      var plain = new RepositoryRenderer(d -> "", c -> "");
      var validating =
          new RepositoryRenderer(d -> "", c -> "", Validator.kubernetes(ValidationMode.DEFAULT));
      var strict =
          new RepositoryRenderer(d -> "", c -> "", Validator.kubernetes(ValidationMode.STRICT));
      List<RepositoryRenderer> renderers = List.of(plain, validating, strict);
      // Warm every pipeline before measuring any, so that none profits from another's JIT work;
      // rounds then alternate the pipelines and the best round is reported.
      renderers.forEach(renderer -> warm(renderer, repo, objects));
      double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < renderers.size(); i++) {
          best[i] = Math.min(best[i], measure(objects, repo, renderers.get(i)));
        }
      }
      List<String> labels =
          List.of("render only", "render + validate", "render + validate (strict)");
      for (int i = 0; i < labels.size(); i++) {
        report(objects, labels.get(i), runs(objects) * ROUNDS, best[i]);
      }
      if (objects < 10_000 || !Boolean.getBoolean("render.bench.skipLargeBaseline")) {
        baseline(objects, repo);
      }
    }
  }

  private static void warm(RepositoryRenderer renderer, Path repo, int objects) {
    int warmups = objects >= 10_000 ? 5 : 40;
    for (int i = 0; i < warmups; i++) {
      check(renderer.render(repo), objects);
    }
  }

  private static int runs(int objects) {
    return objects >= 10_000 ? 5 : 30;
  }

  /** Milliseconds per render, averaged over one round. */
  private static double measure(int objects, Path repo, RepositoryRenderer renderer) {
    int runs = runs(objects);
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      check(renderer.render(repo), objects);
    }
    return (System.nanoTime() - start) / 1e6 / runs;
  }

  private static void baseline(int objects, Path repo) throws Exception {
    if (!BoundedProcess.onPath("kubectl")) {
      System.out.printf("%-8d %-26s skipped: kubectl not on PATH%n", objects, "kubectl kustomize");
      return;
    }
    Path dir = repo.resolve("kustomize");
    // kubectl kustomize grows worse than linearly with the number of objects: allow it time.
    var kubectl = new KubectlKustomize("kubectl", Duration.ofMinutes(10));
    if (objects < 10_000) {
      kubectl.build(dir);
    }
    int runs = objects >= 10_000 ? 1 : 5;
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      String out = kubectl.build(dir);
      if (out.isEmpty()) {
        throw new IllegalStateException("kubectl kustomize printed nothing");
      }
    }
    report(objects, "kubectl kustomize (process)", runs, (System.nanoTime() - start) / 1e6 / runs);
  }

  private static void check(RenderedSet set, int objects) {
    int rendered = set.designs().stream().mapToInt(d -> d.objects().size()).sum();
    if (set.anyFailed() || rendered != objects) {
      throw new IllegalStateException(
          rendered + " objects; " + set.diagnostics().stream().limit(3).toList());
    }
  }

  private static void report(int objects, String label, int runs, double perRun) {
    System.out.printf(
        Locale.ROOT,
        "%-8d %-26s %8d %12.1f %,14.0f%n",
        objects,
        label,
        runs,
        perRun,
        objects / (perRun / 1000));
  }

  /** Plain manifests (a third each Deployment, Service, ConfigMap), and a kustomization of them. */
  static void generate(Path repo, int objects) throws IOException {
    Path manifests = repo.resolve("manifests/bench");
    Path kustomize = repo.resolve("kustomize");
    Files.createDirectories(manifests);
    Files.createDirectories(kustomize);
    List<String> files = new ArrayList<>();
    for (int file = 0; file * OBJECTS_PER_FILE < objects; file++) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < OBJECTS_PER_FILE && file * OBJECTS_PER_FILE + i < objects; i++) {
        text.append(object(file * OBJECTS_PER_FILE + i));
      }
      String name = String.format(Locale.ROOT, "objects-%03d.yaml", file);
      Files.writeString(manifests.resolve(name), text);
      Files.writeString(kustomize.resolve(name), text);
      files.add(name);
    }
    Files.writeString(
        kustomize.resolve("kustomization.yaml"),
        "resources:\n" + String.join("", files.stream().map(f -> "- " + f + "\n").toList()));
  }

  private static String object(int n) {
    return switch (n % 3) {
      case 0 ->
          """
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: app-%1$d, namespace: bench, labels: {app: app-%1$d}}
          spec:
            replicas: 2
            selector: {matchLabels: {app: app-%1$d}}
            template:
              metadata: {labels: {app: app-%1$d}}
              spec:
                containers:
                - name: app
                  image: registry.example.com/app:1.%1$d
                  ports: [{containerPort: 8080, name: http}]
                  resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}
                  env: [{name: MODE, value: bench}]
          """
              .formatted(n);
      case 1 ->
          """
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: svc-%1$d, namespace: bench}
          spec:
            selector: {app: app-%1$d}
            ports: [{name: http, port: 80, targetPort: http}]
          """
              .formatted(n);
      default ->
          """
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: cfg-%1$d, namespace: bench}
          data: {key: value-%1$d, mode: bench}
          """
              .formatted(n);
    };
  }
}
