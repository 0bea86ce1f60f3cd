package dev.meshplay.gitops.reconciler.cluster;

import dev.meshplay.gitops.render.ObjectRef;
import java.util.Map;
import java.util.Optional;

/**
 * The narrow view of a Kubernetes cluster the reconciler needs. Objects are plain JSON-like trees.
 * Only {@link KubernetesCluster} implements it against a real API server.
 */
public interface Cluster {

  /** The name used in status and messages. */
  String name();

  /** The live object, or empty when it does not exist. */
  Optional<Map<String, Object>> get(ObjectRef ref);

  /**
   * Server-side apply of {@code object} under the reconciler's field manager. With {@code force},
   * fields other managers own are taken over; without, such a difference is a conflict ({@link
   * ClusterException#isConflict()}). Returns the object as stored.
   */
  Map<String, Object> apply(Map<String, Object> object, boolean force);

  /** The objects of one kind in one namespace (null: cluster-wide), as refs. */
  java.util.List<ObjectRef> list(String apiVersion, String kind, String namespace);

  /** Deletes the object; returns false when it was already gone. */
  boolean delete(ObjectRef ref);

  /**
   * True when API discovery lists {@code kind} in {@code apiVersion}: a new CRD's kind can be used
   * only once it is served.
   */
  default boolean serves(String apiVersion, String kind) {
    return true;
  }
}
