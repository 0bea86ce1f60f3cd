package dev.meshplay.gitops.policies.relationship;

import dev.meshplay.gitops.render.ObjectRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inferred relationships of a set of rendered objects, and the references that dangle, with
 * lookups by object. Objects are matched by kind, namespace and name.
 */
public final class RelationshipGraph {
  private final List<Relationship> edges;
  private final List<DanglingReference> dangling;
  private final Map<ObjectKey, List<Relationship>> outgoing = new HashMap<>();
  private final Map<ObjectKey, List<Relationship>> incoming = new HashMap<>();
  private final Map<ObjectKey, List<DanglingReference>> missing = new HashMap<>();

  RelationshipGraph(List<Relationship> edges, List<DanglingReference> dangling) {
    this.edges = edges;
    this.dangling = dangling;
    for (Relationship edge : edges) {
      outgoing.computeIfAbsent(ObjectKey.of(edge.from()), k -> new ArrayList<>()).add(edge);
      incoming.computeIfAbsent(ObjectKey.of(edge.to()), k -> new ArrayList<>()).add(edge);
    }
    for (DanglingReference ref : dangling) {
      missing.computeIfAbsent(ObjectKey.of(ref.from()), k -> new ArrayList<>()).add(ref);
    }
  }

  /** Every edge, in the order objects were given. */
  public List<Relationship> edges() {
    return edges;
  }

  /** Every reference to an object the set does not contain. */
  public List<DanglingReference> dangling() {
    return dangling;
  }

  public List<Relationship> outgoing(ObjectRef object) {
    return outgoing.getOrDefault(ObjectKey.of(object), List.of());
  }

  public List<Relationship> incoming(ObjectRef object) {
    return incoming.getOrDefault(ObjectKey.of(object), List.of());
  }

  public List<DanglingReference> missing(ObjectRef object) {
    return missing.getOrDefault(ObjectKey.of(object), List.of());
  }

  /** Whether an edge of this class joins the two objects, in either direction. */
  public boolean connects(RelationshipType type, ObjectRef a, ObjectRef b) {
    ObjectKey other = ObjectKey.of(b);
    return outgoing(a).stream()
            .anyMatch(e -> e.type() == type && ObjectKey.of(e.to()).equals(other))
        || incoming(a).stream()
            .anyMatch(e -> e.type() == type && ObjectKey.of(e.from()).equals(other));
  }

  public List<Relationship> ofType(RelationshipType type) {
    return edges.stream().filter(e -> e.type() == type).toList();
  }
}
