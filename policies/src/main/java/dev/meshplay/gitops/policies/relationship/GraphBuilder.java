package dev.meshplay.gitops.policies.relationship;

import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.RenderedObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects edges and dangling references while inference runs. An edge found through two fields
 * (env and envFrom naming one ConfigMap) is kept once, with the first field.
 */
final class GraphBuilder {
  private record EdgeKey(RelationshipType type, ObjectRef from, ObjectRef to) {}

  final ObjectIndex index;
  private final Map<EdgeKey, Relationship> edges = new LinkedHashMap<>();
  private final List<DanglingReference> dangling = new ArrayList<>();

  GraphBuilder(ObjectIndex index) {
    this.index = index;
  }

  void edge(RelationshipType type, ObjectRef from, ObjectRef to, String via) {
    edges.putIfAbsent(new EdgeKey(type, from, to), new Relationship(type, from, to, via));
  }

  /**
   * Resolves a by-name reference from {@code holder} to {@code Kind/namespace/name}: an edge when
   * the target exists, else a dangling reference when {@code mustExist}.
   *
   * @param targetIsSource whether the edge points from the target to the holder (ConfigMap →
   *     workload), as Meshery draws mounts and configuration references
   */
  void reference(
      RenderedObject holder,
      RelationshipType type,
      String via,
      String kind,
      String namespace,
      String name,
      boolean targetIsSource,
      boolean mustExist) {
    if (name == null || name.isEmpty() || name.equals("null")) {
      return;
    }
    RenderedObject target = index.get(kind, namespace, name);
    if (target != null) {
      ObjectRef h = holder.ref();
      ObjectRef t = target.ref();
      edge(type, targetIsSource ? t : h, targetIsSource ? h : t, via);
    } else if (mustExist) {
      dangling.add(new DanglingReference(holder.ref(), type, via, kind, namespace, name));
    }
  }

  RelationshipGraph build() {
    return new RelationshipGraph(List.copyOf(edges.values()), List.copyOf(dangling));
  }
}
