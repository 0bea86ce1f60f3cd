package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.manifest.DesignManifest;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;
import dev.meshplay.gitops.render.Relationship;
import dev.meshplay.gitops.render.RenderedObject;
import java.util.List;
import java.util.Map;

/** A small design as the last pass applied it: a namespace, a workload, its Service, a Secret. */
final class ManifestFixtures {
  static final String PASSWORD = "hunter2-very-secret";
  static final String HOSTILE = "<script>alert('x')</script>";
  static final ObjectRef NAMESPACE = new ObjectRef("v1", "Namespace", null, "web");
  static final ObjectRef DEPLOYMENT = new ObjectRef("apps/v1", "Deployment", "web", "web");
  static final ObjectRef SERVICE = new ObjectRef("v1", "Service", "web", "web");
  static final ObjectRef SECRET = new ObjectRef("v1", "Secret", "web", "credentials");

  private ManifestFixtures() {}

  static DesignManifest manifest() {
    return new DesignManifest(
        List.of(
            object(NAMESPACE, Map.of()),
            object(
                DEPLOYMENT,
                Map.of(
                    "spec",
                    Map.of(
                        "selector",
                        Map.of("matchLabels", Map.of("app", "web")),
                        "template",
                        Map.of(
                            "metadata",
                            Map.of("labels", Map.of("app", "web")),
                            "spec",
                            Map.of(
                                "containers",
                                List.of(
                                    Map.of(
                                        "name",
                                        "web",
                                        "image",
                                        "nginx",
                                        "env",
                                        List.of(Map.of("name", "NOTE", "value", HOSTILE))))))))),
            object(SERVICE, Map.of("spec", Map.of("selector", Map.of("app", "web")))),
            object(
                SECRET,
                Map.of(
                    "type",
                    "Opaque",
                    "data",
                    Map.of("password", "aHVudGVyMi12ZXJ5LXNlY3JldA=="),
                    "stringData",
                    Map.of("password", PASSWORD)))),
        List.of(
            new Relationship(
                "r1",
                "edge",
                "non-binding",
                HOSTILE,
                "approved",
                List.of(new Relationship.End("c1", "Deployment", DEPLOYMENT)),
                List.of(new Relationship.End("c2", "Secret", SECRET)),
                new Provenance("designs/web.yaml", 40))));
  }

  private static RenderedObject object(ObjectRef ref, Map<String, Object> rest) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("apiVersion", ref.apiVersion());
    body.put("kind", ref.kind());
    Map<String, Object> metadata = new java.util.LinkedHashMap<>();
    metadata.put("name", ref.name());
    if (ref.namespace() != null) {
      metadata.put("namespace", ref.namespace());
    }
    metadata.put(
        "annotations",
        Map.of(
            "meshplay.dev/config-hash",
            "sha256:0123",
            "kubectl.kubernetes.io/last-applied-configuration",
            "{\"stringData\":{\"password\":\"" + PASSWORD + "\"}}"));
    body.put("metadata", metadata);
    body.putAll(rest);
    return new RenderedObject(ref, body, new Provenance("designs/web.yaml", 10));
  }
}
