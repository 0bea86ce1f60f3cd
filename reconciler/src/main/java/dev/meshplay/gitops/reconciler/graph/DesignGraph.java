package dev.meshplay.gitops.reconciler.graph;

import dev.meshplay.gitops.policies.relationship.Relationship;
import dev.meshplay.gitops.policies.relationship.RelationshipInference;
import dev.meshplay.gitops.reconciler.manifest.DesignManifest;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.RenderedObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A design's components and the relationships between them: those the policies infer from the
 * objects, and those the design declares. An edge found both ways is drawn once, marked as both.
 *
 * @param nodes the objects in the design's order
 * @param edges between nodes only; in a stable order (inferred first, then declared)
 */
public record DesignGraph(List<ObjectRef> nodes, List<Edge> edges) {

  public DesignGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /**
   * One labelled edge.
   *
   * @param relationship Meshery's {@code kind/type/subType}, e.g. {@code edge/non-binding/network}
   * @param via the field that makes an inferred edge, or null for one only declared
   */
  public record Edge(
      ObjectRef from,
      ObjectRef to,
      String relationship,
      String via,
      boolean inferred,
      boolean declared) {

    /** The short label drawn on the edge: the sub-type, e.g. {@code network}. */
    public String label() {
      int slash = relationship.lastIndexOf('/');
      return slash < 0 ? relationship : relationship.substring(slash + 1);
    }
  }

  private record Key(ObjectRef from, ObjectRef to, String relationship) {}

  /** The graph of one design; relationships are inferred over that design's objects alone. */
  public static DesignGraph of(DesignManifest manifest) {
    List<ObjectRef> nodes = manifest.objects().stream().map(RenderedObject::ref).toList();
    // Inference matches by kind, namespace and name; the node keeps the design's exact ref.
    Map<List<String>, ObjectRef> byName = new java.util.HashMap<>();
    nodes.forEach(n -> byName.putIfAbsent(name(n), n));
    Map<Key, Edge> edges = new LinkedHashMap<>();
    for (Relationship r : RelationshipInference.infer(manifest.objects()).edges()) {
      ObjectRef from = byName.get(name(r.from()));
      ObjectRef to = byName.get(name(r.to()));
      if (from != null && to != null) {
        String name = r.type().vocabulary();
        edges.putIfAbsent(new Key(from, to, name), new Edge(from, to, name, r.via(), true, false));
      }
    }
    for (var declared : manifest.declared()) {
      for (var a : declared.from()) {
        for (var b : declared.to()) {
          ObjectRef from = a.ref() == null ? null : byName.get(name(a.ref()));
          ObjectRef to = b.ref() == null ? null : byName.get(name(b.ref()));
          if (from == null || to == null) {
            continue;
          }
          String name = declared.classification();
          edges.merge(
              new Key(from, to, name),
              new Edge(from, to, name, null, false, true),
              (was, now) -> new Edge(from, to, name, was.via(), was.inferred(), true));
        }
      }
    }
    return new DesignGraph(nodes, new ArrayList<>(edges.values()));
  }

  private static List<String> name(ObjectRef ref) {
    return java.util.Arrays.asList(ref.kind(), ref.namespace(), ref.name());
  }
}
