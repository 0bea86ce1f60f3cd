package dev.meshplay.gitops.reconciler.cluster;

import dev.meshplay.gitops.render.ObjectRef;

/**
 * A cluster call failed. The message names the cluster, the verb and the object, as in {@code
 * sandbox: apply Deployment/web/api failed (Conflict): ...}.
 */
public final class ClusterException extends RuntimeException {
  private final String reason;

  public ClusterException(String cluster, String verb, ObjectRef ref, String reason, Throwable e) {
    super(
        cluster
            + ": "
            + verb
            + (ref == null ? "" : " " + ref)
            + " failed"
            + (reason == null ? "" : " (" + reason + ")")
            + ": "
            + rootMessage(e),
        e);
    this.reason = reason;
  }

  /** The API server's reason (e.g. {@code Conflict}, {@code Invalid}), or null. */
  public String reason() {
    return reason;
  }

  public boolean isConflict() {
    return "Conflict".equals(reason);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
  }
}
