package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.render.ObjectRef;

/**
 * The order objects are applied in, each stage finished (and, for the first two, ready) before the
 * next starts: custom resources need their definition served, namespaced objects their namespace.
 */
enum ApplyStage {
  /** CustomResourceDefinitions: waited for until Established and served in discovery. */
  CRDS,
  /** Namespaces: waited for until Active. */
  NAMESPACES,
  /** Every other cluster-scoped object (ClusterRoles, StorageClasses, …). */
  CLUSTER_SCOPED,
  /** The rest. */
  NAMESPACED;

  static ApplyStage of(ObjectRef ref) {
    return switch (ref.kind()) {
      case "CustomResourceDefinition" -> CRDS;
      case "Namespace" -> NAMESPACES;
      default -> ref.namespace() == null ? CLUSTER_SCOPED : NAMESPACED;
    };
  }
}
