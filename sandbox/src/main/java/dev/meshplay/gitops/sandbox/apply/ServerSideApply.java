package dev.meshplay.gitops.sandbox.apply;

import dev.meshplay.gitops.sandbox.document.Documents;
import dev.meshplay.gitops.sandbox.document.Trees;
import dev.meshplay.gitops.sandbox.fields.FieldSet;
import dev.meshplay.gitops.sandbox.fields.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field ownership as the Kubernetes API server keeps it, as pure functions from the live object
 * (managedFields included) to the object to store.
 *
 * <p>{@link #apply} is server-side apply: merge the configuration, remove what this manager applied
 * last time and no manager owns any more, and refuse (unless forced) to change fields that other
 * managers own. {@link #update} records what any other write (create, update, patch) changed as
 * owned by its manager, taking those fields from everyone else.
 */
public final class ServerSideApply {
  /** Set by the server: never taken from an applied configuration. */
  private static final List<String> SERVER_METADATA =
      List.of(
          "managedFields",
          "resourceVersion",
          "uid",
          "creationTimestamp",
          "generation",
          "selfLink",
          "deletionTimestamp");

  private ServerSideApply() {}

  /**
   * Applies a configuration.
   *
   * @param live the stored object, or {@code null} to create it
   * @param config the applied configuration
   * @param force whether to take fields over from other managers instead of conflicting
   */
  public static ApplyOutcome apply(
      Map<String, Object> live, Map<String, Object> config, Writer writer, boolean force) {
    Map<String, Object> before = live == null ? new LinkedHashMap<>() : ManagedFields.strip(live);
    Map<ManagerId, ManagedEntry> managers =
        live == null ? new LinkedHashMap<>() : ManagedFields.of(live);
    Map<String, Object> applied = withoutServerMetadata(config);

    ManagerId self = ManagerId.applier(writer.manager());
    ManagedEntry previous = managers.get(self);
    FieldSet last = previous == null ? FieldSet.empty() : previous.fields();
    FieldSet now = Fields.owned(applied);
    managers.put(self, new ManagedEntry(self, writer.apiVersion(), null, now));
    FieldSet owned =
        managers.values().stream()
            .map(ManagedEntry::fields)
            .reduce(FieldSet.empty(), FieldSet::union);

    Map<String, Object> merged = ApplyMerge.merge(before, applied);
    Map<String, Object> after = Pruner.remove(merged, last.difference(owned), owned);
    Comparison diff = Comparison.of(before, after);

    List<Conflict> conflicts =
        managers.values().stream()
            .filter(e -> !e.id().equals(self))
            .flatMap(
                e ->
                    e.fields().intersection(diff.changed()).stream()
                        .map(p -> new Conflict(e.id(), p)))
            .toList();
    if (!conflicts.isEmpty() && !force) {
      return new ApplyOutcome.Conflicted(conflicts);
    }
    takeFromOthers(managers, self, diff.changed().union(diff.removed()));
    boolean touched = previous == null || !now.equals(last) || !diff.isEmpty();
    String time = touched ? writer.time() : previous.time();
    managers.put(self, new ManagedEntry(self, writer.apiVersion(), time, now));
    ManagedFields.write(after, managers.values());
    return new ApplyOutcome.Applied(after);
  }

  /**
   * Records the ownership changes of a non-apply write.
   *
   * @param live the stored object, or {@code null} for a create
   * @param updated the object the write produced; managedFields it carries replace the live ones
   * @return {@code updated} with managedFields recorded
   */
  public static Map<String, Object> update(
      Map<String, Object> live, Map<String, Object> updated, Writer writer) {
    Map<String, Object> before = live == null ? new LinkedHashMap<>() : ManagedFields.strip(live);
    Map<ManagerId, ManagedEntry> managers =
        ManagedFields.present(updated) || live == null
            ? ManagedFields.of(updated)
            : ManagedFields.of(live);
    Map<String, Object> after = ManagedFields.strip(updated);
    Comparison diff = Comparison.of(before, after);

    ManagerId self = ManagerId.updater(writer.manager(), writer.apiVersion());
    takeFromOthers(managers, self, diff.changed().union(diff.removed()));
    ManagedEntry previous = managers.get(self);
    FieldSet owned =
        previous == null ? FieldSet.empty() : previous.fields().difference(diff.removed());
    if (!diff.changed().isEmpty()) {
      managers.put(
          self,
          new ManagedEntry(self, writer.apiVersion(), writer.time(), owned.union(diff.changed())));
    } else if (previous != null) {
      managers.put(self, previous.withFields(owned));
    }
    ManagedFields.write(after, managers.values());
    return after;
  }

  private static void takeFromOthers(
      Map<ManagerId, ManagedEntry> managers, ManagerId self, FieldSet taken) {
    managers.replaceAll(
        (id, entry) ->
            id.equals(self) ? entry : entry.withFields(entry.fields().difference(taken)));
  }

  private static Map<String, Object> withoutServerMetadata(Map<String, Object> config) {
    Map<String, Object> copy = Documents.copy(config);
    Map<String, Object> metadata = Trees.asMap(copy.get("metadata"));
    if (metadata != null) {
      SERVER_METADATA.forEach(metadata::remove);
    }
    return copy;
  }
}
