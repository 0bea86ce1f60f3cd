package dev.meshplay.gitops.sandbox;

import dev.meshplay.gitops.sandbox.document.Documents;
import dev.meshplay.gitops.sandbox.document.Trees;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code autoscaling/v1 Scale} view of a workload, which {@code kubectl scale} reads and
 * writes.
 */
final class Scales {
  private Scales() {}

  /** The Scale of an object with {@code spec.replicas}. */
  static Map<String, Object> of(Map<String, Object> object) {
    Map<String, Object> metadata = Trees.metadata(Documents.copy(object));
    metadata
        .keySet()
        .retainAll(Set.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp"));
    Map<String, Object> spec = Trees.asMap(object.get("spec"));
    Map<String, Object> status = Trees.asMap(object.get("status"));
    Object replicas = spec == null ? null : spec.get("replicas");
    Map<String, Object> scale = new LinkedHashMap<>();
    scale.put("kind", "Scale");
    scale.put("apiVersion", "autoscaling/v1");
    scale.put("metadata", metadata);
    scale.put("spec", Map.of("replicas", replicas == null ? 1L : replicas));
    Map<String, Object> scaleStatus = new LinkedHashMap<>();
    scaleStatus.put(
        "replicas", status != null && status.get("replicas") != null ? status.get("replicas") : 0L);
    scaleStatus.put("selector", selector(spec));
    scale.put("status", scaleStatus);
    return scale;
  }

  /** The object with the replicas a written Scale asks for. */
  static Map<String, Object> applyTo(Map<String, Object> object, Map<String, Object> scale) {
    Object replicas =
        Trees.asMap(scale.get("spec")) == null
            ? null
            : Trees.asMap(scale.get("spec")).get("replicas");
    if (!(replicas instanceof Long)) {
      throw Rejected.badRequest("a Scale must set spec.replicas to an integer");
    }
    Map<String, Object> scaled = Documents.copy(object);
    Map<String, Object> spec = Trees.asMap(scaled.get("spec"));
    if (spec == null) {
      spec = new LinkedHashMap<>();
      scaled.put("spec", spec);
    }
    spec.put("replicas", replicas);
    return scaled;
  }

  private static String selector(Map<String, Object> spec) {
    Map<String, Object> selector = spec == null ? null : Trees.asMap(spec.get("selector"));
    Map<String, Object> labels = selector == null ? null : Trees.asMap(selector.get("matchLabels"));
    return labels == null
        ? ""
        : labels.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
  }
}
