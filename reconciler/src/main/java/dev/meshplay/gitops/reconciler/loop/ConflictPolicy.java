package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.reconciler.cluster.Cluster;
import dev.meshplay.gitops.reconciler.cluster.ClusterException;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.reconciler.plan.Change;
import dev.meshplay.gitops.reconciler.settings.AdoptPolicy;
import dev.meshplay.gitops.reconciler.settings.RepositorySettings;
import dev.meshplay.gitops.render.ObjectRef;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies without force first. A conflict is then either drift (the fields were changed by hand,
 * through a non-apply write: {@code kubectl edit/patch/scale}) and repaired with force when the
 * design self-heals, or a real conflict with another applier (another GitOps tool, a controller
 * using server-side apply), which is reported unless the design opts in with {@code force}.
 */
final class ConflictPolicy {
  private static final Pattern MANAGER = Pattern.compile("conflicts? with \"([^\"]+)\"");

  private final Cluster cluster;
  private final RepositorySettings settings;

  ConflictPolicy(Cluster cluster, RepositorySettings settings) {
    this.cluster = cluster;
    this.settings = settings;
  }

  Map<String, Object> apply(Change change, Map<ObjectRef, Map<String, Object>> live) {
    try {
      return cluster.apply(change.body(), false);
    } catch (ClusterException e) {
      if (!e.isConflict()) {
        throw e;
      }
      var design = settings.forDesign(change.design());
      Set<String> appliers = appliers(managers(e.getMessage()), live.get(change.ref()));
      // adopt: foreign is the design saying explicitly to take over another tool's fields.
      boolean takeover = change.action() == Action.ADOPT && design.adopt() == AdoptPolicy.FOREIGN;
      if (design.force() || takeover || (design.selfHeal() && appliers.isEmpty())) {
        return cluster.apply(change.body(), true);
      }
      throw new ClusterException(
          cluster.name(),
          "apply",
          change.ref(),
          "Conflict",
          new IllegalStateException(
              (appliers.isEmpty()
                      ? "fields changed by hand and self-heal is off"
                      : "fields owned by another applier " + appliers)
                  + "; set force: true for design "
                  + change.design()
                  + " in meshplay.yaml to take them over — "
                  + e.getMessage()));
    }
  }

  static Set<String> managers(String message) {
    Set<String> managers = new LinkedHashSet<>();
    Matcher m = MANAGER.matcher(message);
    while (m.find()) {
      managers.add(m.group(1));
    }
    return managers;
  }

  /** Those of {@code managers} that wrote with server-side apply, per the live managedFields. */
  static Set<String> appliers(Set<String> managers, Map<String, Object> live) {
    Set<String> appliers = new LinkedHashSet<>();
    if (live == null
        || !(live.get("metadata") instanceof Map<?, ?> meta)
        || !(meta.get("managedFields") instanceof List<?> entries)) {
      return appliers;
    }
    for (Object entry : entries) {
      if (entry instanceof Map<?, ?> e
          && managers.contains(String.valueOf(e.get("manager")))
          && "Apply".equals(e.get("operation"))) {
        appliers.add(String.valueOf(e.get("manager")));
      }
    }
    return appliers;
  }
}
