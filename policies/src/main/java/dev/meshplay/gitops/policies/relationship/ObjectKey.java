package dev.meshplay.gitops.policies.relationship;

import dev.meshplay.gitops.render.ObjectRef;

/**
 * Identity of an object for reference resolution: kind, namespace and name. References by name
 * never carry an API version, so two versions of one kind resolve alike.
 */
record ObjectKey(String kind, String namespace, String name) {

  static ObjectKey of(ObjectRef ref) {
    return new ObjectKey(ref.kind(), ref.namespace(), ref.name());
  }
}
