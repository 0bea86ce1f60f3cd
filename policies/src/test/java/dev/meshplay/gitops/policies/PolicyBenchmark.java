package dev.meshplay.gitops.policies;

import dev.meshplay.gitops.render.DesignFormat;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;
import dev.meshplay.gitops.render.RenderedDesign;
import dev.meshplay.gitops.render.RenderedObject;
import dev.meshplay.gitops.render.RenderedSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Policy and relationship evaluation throughput on one thread: the built-in pack over synthetic
 * microservice designs (per service a Deployment, a Service and a ConfigMap; an Ingress per ten
 * services), at 1,000 and 10,000 objects. Run with {@code ./mvnw -q -pl policies test-compile
 * exec:java -Dexec.mainClass=dev.meshplay.gitops.policies.PolicyBenchmark}.
 */
public final class PolicyBenchmark {
  private PolicyBenchmark() {}

  public static void main(String[] args) {
    PolicyEngine engine = PolicyEngine.builtIn();
    RenderedSet warm = set(3_000);
    for (int i = 0; i < 5; i++) {
      engine.evaluate(warm);
    }
    System.out.printf(
        "%10s %10s %12s %14s %10s%n", "objects", "findings", "best ms", "objects/s", "ms/1k obj");
    for (int size : List.of(1_000, 10_000)) {
      RenderedSet set = set(size);
      int objects = set.designs().stream().mapToInt(d -> d.objects().size()).sum();
      long best = Long.MAX_VALUE;
      int findings = 0;
      for (int run = 0; run < 7; run++) {
        long start = System.nanoTime();
        findings = engine.evaluate(set).findings().size();
        best = Math.min(best, System.nanoTime() - start);
      }
      double ms = best / 1e6;
      double perK = ms / (objects / 1000.0);
      System.out.printf(
          "%10d %10d %12.1f %14.0f %10.2f%n", objects, findings, ms, objects / (best / 1e9), perK);
    }
  }

  /** About {@code objects} objects in designs of 100 services' worth (one namespace each). */
  static RenderedSet set(int objects) {
    List<RenderedDesign> designs = new ArrayList<>();
    List<RenderedObject> current = new ArrayList<>();
    int services = objects * 10 / 31;
    for (int s = 0; s < services; s++) {
      String ns = "team-" + (s / 100);
      String name = "svc-" + s;
      String file = "manifests/" + ns + "/" + name + ".yaml";
      current.add(
          obj(
              "v1",
              "ConfigMap",
              ns,
              name + "-config",
              Map.of("data", Map.of("MODE", "prod")),
              file,
              1));
      current.add(obj("apps/v1", "Deployment", ns, name, deployment(name), file, 8));
      current.add(
          obj(
              "v1",
              "Service",
              ns,
              name,
              Map.of(
                  "spec",
                  Map.of(
                      "selector",
                      Map.of("app", name),
                      "ports",
                      List.of(Map.of("port", 80, "targetPort", 8080)))),
              file,
              60));
      if (s % 10 == 0) {
        // Every other Ingress points at a Service that does not exist: a dangling reference.
        String backend = s % 20 == 0 ? name : "missing-" + s;
        Map<String, Object> path =
            Map.of("path", "/", "backend", Map.of("service", Map.of("name", backend)));
        Map<String, Object> rule = Map.of("http", Map.of("paths", List.of(path)));
        current.add(
            obj(
                "networking.k8s.io/v1",
                "Ingress",
                ns,
                name,
                Map.of("spec", Map.of("rules", List.of(rule))),
                file,
                80));
      }
      if (s % 100 == 99 || s == services - 1) {
        designs.add(
            new RenderedDesign(
                "manifests/" + ns, ns, DesignFormat.MANIFESTS, current, List.of(), 0));
        current = new ArrayList<>();
      }
    }
    return new RenderedSet(designs);
  }

  private static Map<String, Object> deployment(String name) {
    Map<String, Object> container =
        Map.of(
            "name",
            "main",
            "image",
            "registry.example.com/" + name + ":1.0." + name.length(),
            "envFrom",
            List.of(Map.of("configMapRef", Map.of("name", name + "-config"))),
            "resources",
            Map.of(
                "requests",
                Map.of("cpu", "50m", "memory", "64Mi"),
                "limits",
                Map.of("memory", "128Mi")),
            "readinessProbe",
            Map.of("httpGet", Map.of("path", "/", "port", 8080)),
            "securityContext",
            Map.of("allowPrivilegeEscalation", false, "runAsNonRoot", true));
    return Map.of(
        "spec",
        Map.of(
            "replicas",
            2,
            "selector",
            Map.of("matchLabels", Map.of("app", name)),
            "template",
            Map.of(
                "metadata",
                Map.of("labels", Map.of("app", name)),
                "spec",
                Map.of("containers", List.of(container)))));
  }

  private static RenderedObject obj(
      String apiVersion,
      String kind,
      String ns,
      String name,
      Map<String, Object> rest,
      String file,
      int line) {
    Map<String, Object> body = new java.util.LinkedHashMap<>(rest);
    body.put("apiVersion", apiVersion);
    body.put("kind", kind);
    body.put(
        "metadata",
        Map.of(
            "name",
            name,
            "namespace",
            ns,
            "labels",
            Map.of("app", name, "app.kubernetes.io/name", name)));
    return new RenderedObject(
        new ObjectRef(apiVersion, kind, ns, name), body, new Provenance(file, line));
  }
}
