package dev.meshplay.gitops.policies;

import dev.meshplay.gitops.policies.relationship.DanglingReference;
import dev.meshplay.gitops.policies.relationship.Relationship;
import dev.meshplay.gitops.policies.relationship.RelationshipGraph;
import dev.meshplay.gitops.policies.relationship.RelationshipType;
import dev.meshplay.gitops.render.ObjectRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the CEL variable {@code related} for one object: its inferred edges ({@code incoming},
 * {@code outgoing}), its dangling references ({@code missing}) and the relationships its design
 * declares from it ({@code declared}, each with {@code holds}).
 */
final class RelatedValues {
  private final RelationshipGraph graph;

  RelatedValues(RelationshipGraph graph) {
    this.graph = graph;
  }

  Map<String, Object> of(ObjectRef object, List<DeclaredRelationship> declared) {
    Map<String, Object> related = new HashMap<>(8);
    related.put("outgoing", edges(graph.outgoing(object), true));
    related.put("incoming", edges(graph.incoming(object), false));
    List<Object> missing = new ArrayList<>();
    for (DanglingReference d : graph.missing(object)) {
      missing.add(
          Map.of(
              "kind",
              d.kind(),
              "namespace",
              String.valueOf(d.namespace()),
              "name",
              d.name(),
              "via",
              d.via(),
              "target",
              d.target(),
              "vocabulary",
              d.type().vocabulary()));
    }
    related.put("missing", missing);
    List<Object> declarations = new ArrayList<>();
    for (DeclaredRelationship d : declared) {
      RelationshipType type = RelationshipType.of(d.kind(), d.type(), d.subType());
      boolean checked = type != null;
      declarations.add(
          Map.of(
              "vocabulary", d.vocabulary(),
              "to", peer(d.to()),
              "target", d.to().toString(),
              "checked", checked,
              "holds", !checked || graph.connects(type, d.from(), d.to())));
    }
    related.put("declared", declarations);
    return related;
  }

  private static List<Object> edges(List<Relationship> edges, boolean outgoing) {
    List<Object> out = new ArrayList<>(edges.size());
    for (Relationship e : edges) {
      RelationshipType t = e.type();
      ObjectRef peer = outgoing ? e.to() : e.from();
      out.add(
          Map.of(
              "kind",
              t.kind(),
              "type",
              t.type(),
              "subType",
              t.subType(),
              "vocabulary",
              t.vocabulary(),
              "via",
              e.via(),
              "peer",
              peer(peer)));
    }
    return out;
  }

  private static Map<String, Object> peer(ObjectRef ref) {
    return Map.of(
        "apiVersion",
        ref.apiVersion(),
        "kind",
        ref.kind(),
        "namespace",
        String.valueOf(ref.namespace()),
        "name",
        ref.name());
  }
}
