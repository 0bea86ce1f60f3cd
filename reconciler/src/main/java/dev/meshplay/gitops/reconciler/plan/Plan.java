package dev.meshplay.gitops.reconciler.plan;

import dev.meshplay.gitops.reconciler.inventory.Inventory;
import java.util.Comparator;
import java.util.List;

/**
 * The changes of one pass, and the inventory to record once they are made.
 *
 * @param changes in apply order: Namespaces and CRDs first, then declaration order; prunes last,
 *     namespaced objects before the Namespaces that hold them
 */
public record Plan(List<Change> changes, Inventory nextInventory) {

  public Plan {
    changes = List.copyOf(changes);
  }

  public List<Change> applies() {
    return changes.stream()
        .filter(
            c ->
                c.action() == Action.CREATE
                    || c.action() == Action.UPDATE
                    || c.action() == Action.ADOPT)
        .toList();
  }

  public List<Change> prunes() {
    return changes.stream().filter(c -> c.action() == Action.PRUNE).toList();
  }

  /** Why prunes of a design were refused, by design key (empty when none were). */
  public java.util.Map<String, String> refusals() {
    java.util.Map<String, String> refusals = new java.util.TreeMap<>();
    changes.stream()
        .filter(
            c ->
                c.action() == Action.KEEP
                    && c.note() != null
                    && c.note().startsWith(PruneSafety.REFUSED))
        .forEach(c -> refusals.putIfAbsent(c.design(), c.note()));
    return refusals;
  }

  public long count(Action action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }

  public boolean hasChanges() {
    return changes.stream()
        .anyMatch(
            c ->
                c.action() == Action.CREATE
                    || c.action() == Action.UPDATE
                    || c.action() == Action.ADOPT
                    || c.action() == Action.PRUNE);
  }

  static final Comparator<Change> APPLY_ORDER = Comparator.comparingInt(Plan::applyRank);

  private static int applyRank(Change change) {
    String kind = change.ref().kind();
    int stage =
        switch (kind) {
          case "CustomResourceDefinition" -> 0;
          case "Namespace" -> 1;
          default -> 2;
        };
    boolean removal =
        switch (change.action()) {
          case PRUNE, KEEP, KEEP_NOT_OWNED -> true;
          case CREATE, UPDATE, UNCHANGED, DRIFTED, ADOPT, HELD_FOREIGN -> false;
        };
    return removal ? 10 - stage : stage;
  }
}
