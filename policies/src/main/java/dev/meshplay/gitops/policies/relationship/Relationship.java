package dev.meshplay.gitops.policies.relationship;

import dev.meshplay.gitops.render.ObjectRef;

/**
 * One inferred edge between two rendered objects.
 *
 * @param via the field of the object that makes the edge, e.g. {@code spec.selector} or {@code
 *     spec.rules[0].http.paths[0].backend.service.name}
 */
public record Relationship(RelationshipType type, ObjectRef from, ObjectRef to, String via) {
  @Override
  public String toString() {
    return type.vocabulary() + " " + from + " -> " + to + " (" + via + ")";
  }
}
