package dev.meshplay.gitops.reconciler.cluster;

import java.util.List;
import java.util.Map;

/**
 * What a cluster serves and holds, read in bulk: the view {@code export} needs to turn a running
 * environment into designs. Objects are plain JSON-like trees, as the API server returns them.
 */
public interface LiveObjects {

  /** Every resource type the cluster serves, at each group's preferred version. */
  List<ApiKind> kinds();

  /**
   * The objects of one kind.
   *
   * @param namespace only this namespace's objects, or null for every namespace (or cluster-scoped
   *     objects)
   * @param selector a label selector such as {@code app=web,tier!=db}, or null for all
   */
  List<Map<String, Object>> list(ApiKind kind, String namespace, String selector);
}
