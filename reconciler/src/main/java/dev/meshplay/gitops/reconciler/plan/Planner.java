package dev.meshplay.gitops.reconciler.plan;

import dev.meshplay.gitops.reconciler.inventory.Inventory;
import dev.meshplay.gitops.reconciler.inventory.Ownership;
import dev.meshplay.gitops.reconciler.settings.DesignSettings;
import dev.meshplay.gitops.reconciler.settings.RepositorySettings;
import dev.meshplay.gitops.render.ObjectRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Pairs desired objects with live ones and decides each object's {@link Action}. Pure: every input
 * is a value, so every rule here is tested without a cluster.
 *
 * <p>Prune rules: only objects recorded in the inventory are candidates; a held design (render
 * failed, suspended) keeps its objects; a design that vanished is pruned only when nothing was held
 * in the pass (a broken file may be that design, renamed); the per-object rules of {@link
 * PruneSafety}; and no pass deletes more than {@code maxPruneShare} of a design's objects (of the
 * source's, for vanished designs) unless allowed.
 */
public final class Planner {
  private Planner() {}

  /** The plan with default settings: used where no meshplay.yaml applies. */
  public static Plan plan(
      String source,
      List<DesiredObject> desired,
      Map<ObjectRef, Map<String, Object>> live,
      Inventory previous,
      Set<String> rendered,
      Set<String> failed) {
    return plan(
        new PlanInput(
            source,
            desired,
            live,
            previous,
            rendered,
            failed,
            RepositorySettings.none(),
            Set.of()));
  }

  public static Plan plan(PlanInput input) {
    List<Change> changes = new ArrayList<>();
    Map<String, Set<ObjectRef>> desiredByDesign = new LinkedHashMap<>();
    Set<ObjectRef> desiredRefs = new LinkedHashSet<>();
    for (DesiredObject object : input.desired()) {
      desiredRefs.add(object.ref());
      Change change = pair(object, input.live().get(object.ref()), input.settings());
      changes.add(change);
      // Another tool's object is not ours: never inventoried, so never pruned by us.
      if (change.action() != Action.HELD_FOREIGN) {
        desiredByDesign
            .computeIfAbsent(object.design(), d -> new LinkedHashSet<>())
            .add(object.ref());
      }
    }

    Inventory previous = input.previous();
    Inventory next = previous;
    Map<String, List<Change>> removals = new LinkedHashMap<>();
    for (String design : previous.designs().keySet()) {
      boolean vanished = !input.rendered().contains(design) && !input.held().contains(design);
      if (input.held().contains(design) || (vanished && !input.held().isEmpty())) {
        continue;
      }
      if (!input.settings().forDesign(design).prune()) {
        // Kept in the inventory, so turning prune back on later still finds them.
        Set<ObjectRef> kept = new LinkedHashSet<>(previous.of(design));
        kept.addAll(desiredByDesign.getOrDefault(design, Set.of()));
        next = next.with(design, kept);
        continue;
      }
      for (ObjectRef ref : previous.of(design)) {
        Map<String, Object> object = input.live().get(ref);
        if (!desiredRefs.contains(ref) && object != null) {
          removals
              .computeIfAbsent(design, d -> new ArrayList<>())
              .add(removal(input, design, ref, object));
        }
      }
      if (vanished) {
        next = next.without(design);
      }
    }
    removals.forEach((design, list) -> changes.addAll(limitShare(input, design, list)));
    for (String design : input.rendered()) {
      if (input.settings().forDesign(design).prune() || !previous.designs().containsKey(design)) {
        next = next.with(design, desiredByDesign.getOrDefault(design, Set.of()));
      }
    }
    next = keepRefused(next, changes);
    changes.sort(Plan.APPLY_ORDER);
    return new Plan(changes, next);
  }

  private static Change removal(
      PlanInput input, String design, ObjectRef ref, Map<String, Object> live) {
    String keep = PruneSafety.keepReason(input, design, ref, live);
    if (keep == null) {
      return new Change(design, ref, Action.PRUNE, List.of(), null, null, null);
    }
    Action action = Ownership.ownedBy(live, input.source()) ? Action.KEEP : Action.KEEP_NOT_OWNED;
    return new Change(design, ref, action, List.of(), null, null, keep);
  }

  /** Turns a design's prunes into refusals when they are too large a share. */
  private static List<Change> limitShare(PlanInput input, String design, List<Change> list) {
    DesignSettings settings = input.settings().forDesign(design);
    long prunes = list.stream().filter(c -> c.action() == Action.PRUNE).count();
    boolean vanished = !input.rendered().contains(design);
    int total = vanished ? input.previous().all().size() : input.previous().of(design).size();
    String refusal =
        settings.allowMassPrune()
            ? null
            : PruneSafety.massPrune(
                (int) (vanished ? prunesOfVanished(input) : prunes),
                total,
                input.settings().maxPruneShare());
    if (refusal == null) {
      return list;
    }
    return list.stream()
        .map(
            c ->
                c.action() == Action.PRUNE
                    ? new Change(c.design(), c.ref(), Action.KEEP, List.of(), null, null, refusal)
                    : c)
        .toList();
  }

  // Vanished designs are judged together: dropping one design of many is normal, dropping most
  // of a repository at once is what a bad merge looks like.
  private static long prunesOfVanished(PlanInput input) {
    return input.previous().designs().keySet().stream()
        .filter(d -> !input.rendered().contains(d) && !input.held().contains(d))
        .mapToLong(d -> input.previous().of(d).size())
        .sum();
  }

  /** A refused prune keeps its object in the inventory, so a later pass can still prune it. */
  private static Inventory keepRefused(Inventory next, List<Change> changes) {
    Inventory result = next;
    for (Change change : changes) {
      if (change.action() == Action.KEEP) {
        Set<ObjectRef> refs = new LinkedHashSet<>(result.of(change.design()));
        refs.add(change.ref());
        result = result.with(change.design(), refs);
      }
    }
    return result;
  }

  private static Change pair(
      DesiredObject object, Map<String, Object> live, RepositorySettings settings) {
    if (live == null) {
      return change(object, Action.CREATE, List.of(), null);
    }
    if (Adoption.applies(live)) {
      return Adoption.decide(object, live, settings);
    }
    // The hash annotation differs whenever Git changed: that is reported as an update, not drift.
    List<String> drift =
        Drift.between(object.body(), live).stream()
            .filter(path -> !path.equals(".metadata.annotations." + Ownership.CONFIG_HASH))
            .filter(path -> !settings.ignored(object.ref().kind(), path))
            .toList();
    boolean gitChanged =
        !Objects.equals(Ownership.configHash(object.body()), Ownership.configHash(live));
    if (gitChanged) {
      return change(object, Action.UPDATE, drift, null);
    }
    if (drift.isEmpty()) {
      return change(object, Action.UNCHANGED, drift, null);
    }
    return settings.forDesign(object.design()).selfHeal()
        ? change(object, Action.UPDATE, drift, null)
        : change(object, Action.DRIFTED, drift, "self-heal is off for this design");
  }

  private static Change change(
      DesiredObject object, Action action, List<String> drift, String note) {
    return new Change(
        object.design(), object.ref(), action, drift, object.body(), object.provenance(), note);
  }
}
