package dev.meshplay.gitops.policies.relationship;

import dev.meshplay.gitops.render.ObjectRef;

/**
 * A reference by name to an object the rendered set does not contain: an Ingress backend Service, a
 * volume's ConfigMap, an HPA's scale target.
 *
 * @param from the object holding the reference
 * @param via the field holding it
 * @param kind the kind of the missing object
 * @param namespace its namespace, or null for cluster-scoped kinds
 */
public record DanglingReference(
    ObjectRef from, RelationshipType type, String via, String kind, String namespace, String name) {

  /** The missing object as {@code Kind/namespace/name}. */
  public String target() {
    return namespace == null ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }

  @Override
  public String toString() {
    return from + " " + via + " -> missing " + target();
  }
}
