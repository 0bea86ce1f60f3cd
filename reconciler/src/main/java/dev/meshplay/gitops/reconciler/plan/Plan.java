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
        .filter(c -> c.action() == Action.CREATE || c.action() == Action.UPDATE)
        .toList();
  }

  public List<Change> prunes() {
    return changes.stream().filter(c -> c.action() == Action.PRUNE).toList();
  }

  public long count(Action action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }

  public boolean hasChanges() {
    return changes.stream()
        .anyMatch(c -> c.action() != Action.UNCHANGED && c.action() != Action.KEEP_NOT_OWNED);
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
    return change.action() == Action.PRUNE || change.action() == Action.KEEP_NOT_OWNED
        ? 10 - stage
        : stage;
  }
}
