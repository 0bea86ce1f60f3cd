package dev.meshplay.gitops.policies.relationship;

import dev.meshplay.gitops.policies.labels.LabelSelector;
import dev.meshplay.gitops.render.RenderedObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rendered objects indexed three ways, so inference never compares every pair: by identity
 * (kind, namespace, name), by kind, and workloads by namespace and pod label.
 */
final class ObjectIndex {
  private final Map<ObjectKey, RenderedObject> byKey = new HashMap<>();
  private final Map<String, List<RenderedObject>> byKind = new HashMap<>();
  private final Map<String, List<Workload>> workloadsByNamespace = new HashMap<>();
  private final Map<String, Map<String, List<Workload>>> workloadsByLabel = new HashMap<>();

  ObjectIndex(List<RenderedObject> objects) {
    for (RenderedObject object : objects) {
      byKey.putIfAbsent(ObjectKey.of(object.ref()), object);
      byKind.computeIfAbsent(object.ref().kind(), k -> new ArrayList<>()).add(object);
      Workload workload = Workload.of(object);
      if (workload != null) {
        String ns = String.valueOf(object.ref().namespace());
        workloadsByNamespace.computeIfAbsent(ns, n -> new ArrayList<>()).add(workload);
        Map<String, List<Workload>> byLabel =
            workloadsByLabel.computeIfAbsent(ns, n -> new HashMap<>());
        workload
            .podLabels()
            .forEach(
                (k, v) ->
                    byLabel.computeIfAbsent(k + "=" + v, l -> new ArrayList<>()).add(workload));
      }
    }
  }

  RenderedObject get(String kind, String namespace, String name) {
    return byKey.get(new ObjectKey(kind, namespace, name));
  }

  List<RenderedObject> ofKind(String kind) {
    return byKind.getOrDefault(kind, List.of());
  }

  List<Workload> workloads() {
    return workloadsByNamespace.values().stream().flatMap(List::stream).toList();
  }

  /**
   * Workloads in a namespace whose pods the selector matches. Starts from the rarest {@code
   * matchLabels} pair, so a selector costs the size of its smallest candidate list, not the size of
   * the namespace.
   */
  List<Workload> selected(String namespace, LabelSelector selector) {
    String ns = String.valueOf(namespace);
    List<Workload> candidates = workloadsByNamespace.getOrDefault(ns, List.of());
    Map<String, List<Workload>> byLabel = workloadsByLabel.getOrDefault(ns, Map.of());
    for (var entry : selector.matchLabels().entrySet()) {
      List<Workload> withLabel =
          byLabel.getOrDefault(entry.getKey() + "=" + entry.getValue(), List.of());
      if (withLabel.size() < candidates.size()) {
        candidates = withLabel;
      }
    }
    return candidates.stream().filter(w -> selector.matches(w.podLabels())).toList();
  }
}
