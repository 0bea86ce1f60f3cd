package dev.meshplay.gitops.reconciler.settings;

import java.util.List;

/**
 * How one design (or, as defaults, every design) of a repository is reconciled.
 *
 * @param targets which clusters get it; empty means every cluster of the daemon
 * @param suspend true: neither applied nor pruned, shown as Suspended
 * @param selfHeal true: fields changed behind our back are put back; false: only reported
 * @param prune false: objects that leave Git stay in the cluster
 * @param allowMassPrune true: a pass may prune more than {@code maxPruneShare} of its objects
 * @param force true: take over fields another applier owns instead of reporting a conflict
 * @param dependsOn the designs that must be healthy in a cluster before this one is applied there
 * @param adopt which existing objects without our marks may be taken over in place
 */
public record DesignSettings(
    List<TargetSelector> targets,
    boolean suspend,
    boolean selfHeal,
    boolean prune,
    boolean allowMassPrune,
    boolean force,
    List<Dependency> dependsOn,
    AdoptPolicy adopt) {

  public DesignSettings {
    targets = List.copyOf(targets);
    dependsOn = List.copyOf(dependsOn);
    adopt = adopt == null ? AdoptPolicy.UNOWNED : adopt;
  }

  /** Settings without dependencies, with the default adoption policy. */
  public DesignSettings(
      List<TargetSelector> targets,
      boolean suspend,
      boolean selfHeal,
      boolean prune,
      boolean allowMassPrune,
      boolean force) {
    this(targets, suspend, selfHeal, prune, allowMassPrune, force, List.of(), AdoptPolicy.UNOWNED);
  }

  public static DesignSettings defaults() {
    return new DesignSettings(
        List.of(), false, true, true, false, false, List.of(), AdoptPolicy.UNOWNED);
  }

  /**
   * One entry of {@code dependsOn}.
   *
   * @param design a design's path or name, as written
   * @param at where it is written, {@code meshplay.yaml:line:column}
   */
  public record Dependency(String design, String at) {}

  /** True when this design goes to the cluster with the given name and labels. */
  public boolean targets(String cluster, java.util.Map<String, String> labels) {
    return targets.isEmpty() || targets.stream().anyMatch(t -> t.matches(cluster, labels));
  }
}
