package dev.meshplay.gitops.sandbox.apply;

import dev.meshplay.gitops.sandbox.document.Documents;
import dev.meshplay.gitops.sandbox.document.Trees;
import dev.meshplay.gitops.sandbox.fields.FieldSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes {@code metadata.managedFields}. */
public final class ManagedFields {
  /** The API server's order: Apply before Update, then by time, manager and API version. */
  private static final Comparator<ManagedEntry> ORDER =
      Comparator.comparing((ManagedEntry e) -> e.id().operation().name())
          .thenComparing(e -> e.time() == null ? "" : e.time())
          .thenComparing(e -> e.id().name())
          .thenComparing(ManagedEntry::apiVersion);

  private ManagedFields() {}

  /** The entries of an object, by manager; entries without a manager or fields are dropped. */
  public static Map<ManagerId, ManagedEntry> of(Map<String, Object> object) {
    Map<ManagerId, ManagedEntry> entries = new LinkedHashMap<>();
    List<Object> list = entriesOf(object);
    if (list == null) {
      return entries;
    }
    for (Object item : list) {
      Map<String, Object> raw = Trees.asMap(item);
      ManagedEntry entry = raw == null ? null : decode(raw);
      if (entry != null && !entry.fields().isEmpty()) {
        entries.merge(entry.id(), entry, (a, b) -> a.withFields(a.fields().union(b.fields())));
      }
    }
    return entries;
  }

  /** Whether an object carries any managedFields entries (an update may set them directly). */
  public static boolean present(Map<String, Object> object) {
    List<Object> list = entriesOf(object);
    return list != null && !list.isEmpty();
  }

  private static List<Object> entriesOf(Map<String, Object> object) {
    Map<String, Object> metadata = Trees.asMap(object.get("metadata"));
    return metadata == null ? null : Trees.asList(metadata.get("managedFields"));
  }

  /** Writes the entries into an object's metadata (removing the field when there are none). */
  public static void write(Map<String, Object> object, Iterable<ManagedEntry> entries) {
    List<ManagedEntry> sorted = new ArrayList<>();
    entries.forEach(
        e -> {
          if (!e.fields().isEmpty()) {
            sorted.add(e);
          }
        });
    sorted.sort(ORDER);
    Map<String, Object> metadata = Trees.metadata(object);
    if (sorted.isEmpty()) {
      metadata.remove("managedFields");
      return;
    }
    metadata.put("managedFields", sorted.stream().map(ManagedFields::encode).toList());
  }

  /** The object without its managedFields, as the merge and comparison see it. */
  public static Map<String, Object> strip(Map<String, Object> object) {
    Map<String, Object> copy = Documents.copy(object);
    Map<String, Object> metadata = Trees.asMap(copy.get("metadata"));
    if (metadata != null) {
      metadata.remove("managedFields");
    }
    return copy;
  }

  private static ManagedEntry decode(Map<String, Object> raw) {
    Map<String, Object> fieldsV1 = Trees.asMap(raw.get("fieldsV1"));
    if (!(raw.get("manager") instanceof String manager) || fieldsV1 == null) {
      return null;
    }
    String apiVersion = raw.get("apiVersion") instanceof String s ? s : "";
    ManagerId.Operation operation =
        "Apply".equals(raw.get("operation"))
            ? ManagerId.Operation.Apply
            : ManagerId.Operation.Update;
    ManagerId id = new ManagerId(manager, operation, apiVersion);
    String time = raw.get("time") instanceof String s ? s : null;
    return new ManagedEntry(id, apiVersion, time, FieldSet.fromFieldsV1(fieldsV1));
  }

  private static Map<String, Object> encode(ManagedEntry entry) {
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("manager", entry.id().name());
    raw.put("operation", entry.id().operation().name());
    raw.put("apiVersion", entry.apiVersion());
    if (entry.time() != null) {
      raw.put("time", entry.time());
    }
    raw.put("fieldsType", "FieldsV1");
    raw.put("fieldsV1", entry.fields().toFieldsV1());
    return raw;
  }
}
