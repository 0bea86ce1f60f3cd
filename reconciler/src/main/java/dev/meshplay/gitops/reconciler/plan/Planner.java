package dev.meshplay.gitops.reconciler.plan;

import dev.meshplay.gitops.reconciler.inventory.Inventory;
import dev.meshplay.gitops.reconciler.inventory.Ownership;
import dev.meshplay.gitops.render.ObjectRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs desired objects with live ones and decides each object's {@link Action}. Pure: every input
 * is a value, so every rule here is tested without a cluster.
 *
 * <p>Prune rules: only objects recorded in the inventory are candidates; a design that failed to
 * render keeps its objects; a design that vanished is pruned only when nothing failed in the pass
 * (a broken file may be that design, renamed); a live object without our labels is kept.
 */
public final class Planner {
  private Planner() {}

  /**
   * @param desired the stamped objects of every design that rendered cleanly
   * @param live the live objects for every desired and every inventoried ref (absent = missing)
   * @param previous the inventory recorded by the last pass
   * @param rendered the keys of designs that rendered cleanly this pass
   * @param failed the keys of designs that failed to render this pass
   */
  public static Plan plan(
      String source,
      List<DesiredObject> desired,
      Map<ObjectRef, Map<String, Object>> live,
      Inventory previous,
      Set<String> rendered,
      Set<String> failed) {
    List<Change> changes = new ArrayList<>();
    Map<String, Set<ObjectRef>> desiredByDesign = new LinkedHashMap<>();
    Set<ObjectRef> desiredRefs = new LinkedHashSet<>();
    for (DesiredObject object : desired) {
      desiredRefs.add(object.ref());
      desiredByDesign
          .computeIfAbsent(object.design(), d -> new LinkedHashSet<>())
          .add(object.ref());
      changes.add(pair(object, live.get(object.ref())));
    }

    Inventory next = previous;
    for (String design : previous.designs().keySet()) {
      boolean vanished = !rendered.contains(design) && !failed.contains(design);
      if (failed.contains(design) || (vanished && !failed.isEmpty())) {
        continue;
      }
      for (ObjectRef ref : previous.of(design)) {
        if (!desiredRefs.contains(ref) && live.containsKey(ref)) {
          Map<String, Object> object = live.get(ref);
          Action action = Ownership.ownedBy(object, source) ? Action.PRUNE : Action.KEEP_NOT_OWNED;
          changes.add(new Change(design, ref, action, List.of(), null, null));
        }
      }
      if (vanished) {
        next = next.without(design);
      }
    }
    for (String design : rendered) {
      next = next.with(design, desiredByDesign.getOrDefault(design, Set.of()));
    }
    changes.sort(Plan.APPLY_ORDER);
    return new Plan(changes, next);
  }

  private static Change pair(DesiredObject object, Map<String, Object> live) {
    if (live == null) {
      return change(object, Action.CREATE, List.of());
    }
    // The hash annotation differs whenever Git changed: that is reported as an update, not drift.
    List<String> drift =
        Drift.between(object.body(), live).stream()
            .filter(path -> !path.equals(".metadata.annotations." + Ownership.CONFIG_HASH))
            .toList();
    boolean gitChanged =
        !java.util.Objects.equals(Ownership.configHash(object.body()), Ownership.configHash(live));
    Action action = drift.isEmpty() && !gitChanged ? Action.UNCHANGED : Action.UPDATE;
    return change(object, action, drift);
  }

  private static Change change(DesiredObject object, Action action, List<String> drift) {
    return new Change(
        object.design(), object.ref(), action, drift, object.body(), object.provenance());
  }
}
