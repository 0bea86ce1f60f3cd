package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.graph.DesignGraph;
import dev.meshplay.gitops.reconciler.manifest.DesignManifest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code /api/v1/design} document: one design as in {@code /api/v1/status}, plus counts. */
final class DesignJson {
  private DesignJson() {}

  static String of(DesignRef.Found found) {
    return of(found, Optional.empty());
  }

  /** With the manifest of the last pass: the relationship graph (empty when not applied). */
  static String of(DesignRef.Found found, Optional<DesignManifest> manifest) {
    Map<String, Object> m =
        new LinkedHashMap<>(StatusJson.design(found.source(), found.cluster(), found.design()));
    m.put("applied", StatusJson.commit(found.cluster().applied()));
    m.put(
        "lastSync",
        found.cluster().lastSync() == null ? null : found.cluster().lastSync().toString());
    m.put("driftCount", StatusPage.driftCount(found.design()));
    m.put("graph", manifest.map(DesignGraph::of).map(DesignJson::graph).orElse(null));
    return StatusJson.write(m);
  }

  private static Map<String, Object> graph(DesignGraph graph) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nodes", graph.nodes().stream().map(Object::toString).toList());
    m.put(
        "edges",
        graph.edges().stream()
            .map(
                e -> {
                  Map<String, Object> edge = new LinkedHashMap<>();
                  edge.put("from", e.from().toString());
                  edge.put("to", e.to().toString());
                  edge.put("relationship", e.relationship());
                  edge.put("via", e.via());
                  edge.put("inferred", e.inferred());
                  edge.put("declared", e.declared());
                  return edge;
                })
            .toList());
    return m;
  }
}
