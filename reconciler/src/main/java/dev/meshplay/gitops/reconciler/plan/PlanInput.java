package dev.meshplay.gitops.reconciler.plan;

import dev.meshplay.gitops.reconciler.inventory.Inventory;
import dev.meshplay.gitops.reconciler.settings.RepositorySettings;
import dev.meshplay.gitops.render.ObjectRef;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a plan is a function of.
 *
 * @param live the live objects for every desired and every inventoried ref (absent = missing)
 * @param rendered keys of designs that rendered cleanly and are to be applied
 * @param held keys of designs whose objects must stay as they are (render failed, suspended)
 * @param namespacesInUse namespaces holding objects outside our inventory: never pruned
 */
public record PlanInput(
    String source,
    List<DesiredObject> desired,
    Map<ObjectRef, Map<String, Object>> live,
    Inventory previous,
    Set<String> rendered,
    Set<String> held,
    RepositorySettings settings,
    Set<String> namespacesInUse) {

  public PlanInput {
    desired = List.copyOf(desired);
    rendered = Set.copyOf(rendered);
    held = Set.copyOf(held);
    namespacesInUse = Set.copyOf(namespacesInUse);
  }
}
