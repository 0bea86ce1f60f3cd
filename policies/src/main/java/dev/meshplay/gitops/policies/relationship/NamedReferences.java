package dev.meshplay.gitops.policies.relationship;

import static dev.meshplay.gitops.policies.relationship.PodReferences.maps;
import static dev.meshplay.gitops.policies.relationship.RelationshipType.REFERENCE;
import static dev.meshplay.gitops.policies.relationship.RelationshipType.WALLET;

import dev.meshplay.gitops.policies.labels.Labels;
import dev.meshplay.gitops.render.RenderedObject;
import java.util.Map;

/**
 * References by name outside pod specs: Ingress backends, HPA scale targets, RBAC bindings, and the
 * WASM filters an EnvoyFilter loads.
 */
final class NamedReferences {
  private NamedReferences() {}

  static void ingress(RenderedObject ingress, GraphBuilder graph) {
    Map<String, Object> body = ingress.body();
    backend(ingress, graph, "spec.defaultBackend", Labels.path(body, "spec", "defaultBackend"));
    backend(ingress, graph, "spec.backend", Labels.path(body, "spec", "backend"));
    int r = 0;
    for (Map<?, ?> rule : maps(Labels.path(body, "spec", "rules"))) {
      int p = 0;
      for (Map<?, ?> path : maps(Labels.path(rule, "http", "paths"))) {
        String via = "spec.rules[" + r + "].http.paths[" + p++ + "].backend";
        backend(ingress, graph, via, path.get("backend"));
      }
      r++;
    }
  }

  private static void backend(RenderedObject ingress, GraphBuilder graph, String via, Object tree) {
    if (!(tree instanceof Map<?, ?> backend)) {
      return;
    }
    // networking.k8s.io/v1 nests service.name; the older v1beta1 has a flat serviceName.
    Object name = Labels.path(backend, "service", "name");
    String at = via + ".service.name";
    if (name == null) {
      name = backend.get("serviceName");
      at = via + ".serviceName";
    }
    if (name != null) {
      graph.reference(
          ingress,
          REFERENCE,
          at,
          "Service",
          ingress.ref().namespace(),
          String.valueOf(name),
          false,
          true);
    }
  }

  static void scaleTarget(RenderedObject hpa, GraphBuilder graph) {
    Object target = Labels.path(hpa.body(), "spec", "scaleTargetRef");
    if (target instanceof Map<?, ?> t && t.get("kind") != null) {
      graph.reference(
          hpa,
          REFERENCE,
          "spec.scaleTargetRef",
          String.valueOf(t.get("kind")),
          hpa.ref().namespace(),
          String.valueOf(t.get("name")),
          false,
          true);
    }
  }

  static void binding(RenderedObject binding, GraphBuilder graph) {
    String ns = binding.ref().namespace();
    if (Labels.path(binding.body(), "roleRef") instanceof Map<?, ?> role) {
      String kind = String.valueOf(role.get("kind"));
      // ClusterRoles such as view or edit ship with every cluster, so only a Role must be declared.
      boolean isRole = kind.equals("Role");
      graph.reference(
          binding,
          REFERENCE,
          "roleRef",
          kind,
          isRole ? ns : null,
          String.valueOf(role.get("name")),
          false,
          isRole);
    }
    int i = 0;
    for (Map<?, ?> subject : maps(binding.body().get("subjects"))) {
      String via = "subjects[" + i++ + "]";
      if ("ServiceAccount".equals(subject.get("kind"))) {
        Object subjectNs = subject.get("namespace") != null ? subject.get("namespace") : ns;
        String name = String.valueOf(subject.get("name"));
        graph.reference(
            binding,
            REFERENCE,
            via,
            "ServiceAccount",
            String.valueOf(subjectNs),
            name,
            false,
            !name.equals("default"));
      }
    }
  }

  /**
   * Envoy names each HTTP filter it loads ({@code patch.value.name}); a WASMFilter of that name in
   * the same namespace is the child whose configuration is patched into the EnvoyFilter.
   */
  static void envoyFilter(RenderedObject envoy, GraphBuilder graph) {
    int i = 0;
    for (Map<?, ?> patch : maps(Labels.path(envoy.body(), "spec", "configPatches"))) {
      Object name = Labels.path(patch, "patch", "value", "name");
      RenderedObject wasm =
          name == null
              ? null
              : graph.index.get("WASMFilter", envoy.ref().namespace(), String.valueOf(name));
      if (wasm != null) {
        graph.edge(
            WALLET, wasm.ref(), envoy.ref(), "spec.configPatches[" + i + "].patch.value.name");
      }
      i++;
    }
  }
}
