package dev.meshplay.gitops.reconciler.plan;

/** What a pass does to one object. */
public enum Action {
  /** Not in the cluster: apply creates it. */
  CREATE,
  /** In the cluster but different from Git (changed in Git, or drifted): apply repairs it. */
  UPDATE,
  /** In the cluster as Git says. */
  UNCHANGED,
  /** Ours, in the inventory, and no longer in Git: deleted. */
  PRUNE,
  /** Would be pruned, but the live object no longer carries our labels: left alone. */
  KEEP_NOT_OWNED
}
