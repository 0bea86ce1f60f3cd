package dev.meshplay.gitops.policies.relationship;

import static dev.meshplay.gitops.policies.relationship.RelationshipType.FIREWALL;
import static dev.meshplay.gitops.policies.relationship.RelationshipType.INVENTORY;
import static dev.meshplay.gitops.policies.relationship.RelationshipType.NETWORK;
import static dev.meshplay.gitops.policies.relationship.RelationshipType.REFERENCE;

import dev.meshplay.gitops.policies.labels.LabelSelector;
import dev.meshplay.gitops.policies.labels.Labels;
import dev.meshplay.gitops.render.RenderedObject;
import java.util.List;
import java.util.Map;

/**
 * Infers the typed relationships between rendered objects, in Meshery's vocabulary, and the
 * references that point at nothing. Each object is visited once and every lookup goes through an
 * index, so the cost grows with the number of objects and edges, never with their pairs.
 */
public final class RelationshipInference {
  private RelationshipInference() {}

  public static RelationshipGraph infer(List<RenderedObject> objects) {
    ObjectIndex index = new ObjectIndex(objects);
    GraphBuilder graph = new GraphBuilder(index);
    for (RenderedObject object : objects) {
      String ns = object.ref().namespace();
      if (ns != null) {
        RenderedObject namespace = index.get("Namespace", null, ns);
        if (namespace != null) {
          graph.edge(INVENTORY, namespace.ref(), object.ref(), "metadata.namespace");
        }
      }
      switch (object.ref().kind()) {
        case "Service" -> service(object, graph);
        case "Ingress" -> NamedReferences.ingress(object, graph);
        case "HorizontalPodAutoscaler" -> NamedReferences.scaleTarget(object, graph);
        case "RoleBinding", "ClusterRoleBinding" -> NamedReferences.binding(object, graph);
        case "EnvoyFilter" -> NamedReferences.envoyFilter(object, graph);
        case "NetworkPolicy" ->
            selects(
                object,
                graph,
                FIREWALL,
                "spec.podSelector",
                Labels.path(object.body(), "spec", "podSelector"));
        case "PodDisruptionBudget" ->
            selects(
                object,
                graph,
                REFERENCE,
                "spec.selector",
                Labels.path(object.body(), "spec", "selector"));
        default -> {}
      }
    }
    index.workloads().forEach(w -> PodReferences.scan(w, graph));
    return graph.build();
  }

  /** A Service without a selector (or of type ExternalName) is wired by hand: no edges. */
  private static void service(RenderedObject service, GraphBuilder graph) {
    Map<String, String> selector =
        Labels.stringMap(Labels.path(service.body(), "spec", "selector"));
    if (selector.isEmpty() || "ExternalName".equals(Labels.path(service.body(), "spec", "type"))) {
      return;
    }
    for (Workload w :
        graph.index.selected(service.ref().namespace(), LabelSelector.ofLabels(selector))) {
      graph.edge(NETWORK, service.ref(), w.object().ref(), "spec.selector");
    }
  }

  private static void selects(
      RenderedObject selector, GraphBuilder graph, RelationshipType type, String via, Object tree) {
    LabelSelector labels = LabelSelector.fromTree(tree);
    for (Workload w : graph.index.selected(selector.ref().namespace(), labels)) {
      graph.edge(type, selector.ref(), w.object().ref(), via);
    }
  }
}
