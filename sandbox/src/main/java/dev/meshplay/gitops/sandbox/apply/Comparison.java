package dev.meshplay.gitops.sandbox.apply;

import dev.meshplay.gitops.sandbox.fields.FieldPath;
import dev.meshplay.gitops.sandbox.fields.FieldSet;
import dev.meshplay.gitops.sandbox.fields.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What changed between two versions of an object, as field sets. */
public record Comparison(FieldSet added, FieldSet modified, FieldSet removed) {

  public static Comparison of(Map<String, Object> before, Map<String, Object> after) {
    Map<FieldPath, Object> old = Fields.nodes(before);
    Map<FieldPath, Object> now = Fields.nodes(after);
    List<FieldPath> added = new ArrayList<>();
    List<FieldPath> modified = new ArrayList<>();
    now.forEach(
        (path, value) -> {
          if (!old.containsKey(path)) {
            added.add(path);
          } else if (!Objects.equals(old.get(path), value)) {
            modified.add(path);
          }
        });
    List<FieldPath> removed = old.keySet().stream().filter(p -> !now.containsKey(p)).toList();
    return new Comparison(FieldSet.of(added), FieldSet.of(modified), FieldSet.of(removed));
  }

  /** The fields the new version sets differently: what an operation takes ownership of. */
  public FieldSet changed() {
    return added.union(modified);
  }

  public boolean isEmpty() {
    return added.isEmpty() && modified.isEmpty() && removed.isEmpty();
  }
}
