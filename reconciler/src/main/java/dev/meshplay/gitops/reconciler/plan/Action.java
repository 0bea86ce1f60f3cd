package dev.meshplay.gitops.reconciler.plan;

/** What a pass does to one object. */
public enum Action {
  /** Not in the cluster: apply creates it. */
  CREATE,
  /** In the cluster but different from Git (changed in Git, or drifted): apply repairs it. */
  UPDATE,
  /** In the cluster as Git says. */
  UNCHANGED,
  /** Drifted from Git, and the design has self-heal off: reported, not repaired. */
  DRIFTED,
  /** Ours, in the inventory, and no longer in Git: deleted. */
  PRUNE,
  /** Would be pruned, but the live object no longer carries our marks: left alone. */
  KEEP_NOT_OWNED,
  /** Would be pruned, but a safety rule keeps it; the change's note says which. */
  KEEP,
  /**
   * In the cluster already, made by hand or by a script (no tool we know owns it): taken over in
   * place with server-side apply, never deleted and re-created.
   */
  ADOPT,
  /**
   * In the cluster already and owned by another tool (Argo CD, Flux, Helm): left alone unless the
   * design sets {@code adopt: foreign}; the change's note names the owner.
   */
  HELD_FOREIGN
}
