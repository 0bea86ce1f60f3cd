package dev.meshplay.gitops.sandbox.apply;

import dev.meshplay.gitops.sandbox.document.Documents;
import dev.meshplay.gitops.sandbox.document.Trees;
import dev.meshplay.gitops.sandbox.fields.FieldPath;
import dev.meshplay.gitops.sandbox.fields.FieldSet;
import dev.meshplay.gitops.sandbox.fields.ListType;
import dev.meshplay.gitops.sandbox.fields.MergeRules;
import dev.meshplay.gitops.sandbox.fields.PathElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removes fields and items from an object. A map or list left empty by a removal goes too, unless
 * some manager owns it, so dropping the last label does not leave {@code labels: {}} behind.
 */
public final class Pruner {
  private Pruner() {}

  public static Map<String, Object> remove(
      Map<String, Object> object, FieldSet paths, FieldSet owned) {
    Map<String, Object> out = Documents.copy(object);
    String kind = Trees.string(object, "kind");
    paths.stream().forEach(path -> removeAt(out, kind, path, owned));
    return out;
  }

  private static void removeAt(
      Map<String, Object> root, String kind, FieldPath path, FieldSet owned) {
    List<PathElement> elements = path.elements();
    List<Object> chain = new ArrayList<>();
    Object node = root;
    for (int i = 0; i < elements.size(); i++) {
      chain.add(node);
      node = step(node, kind, new FieldPath(elements.subList(0, i)), elements.get(i));
      if (node == null) {
        return;
      }
    }
    for (int i = elements.size() - 1; i >= 0; i--) {
      FieldPath at = new FieldPath(elements.subList(0, i + 1));
      boolean target = i == elements.size() - 1;
      if (!target && (!isEmpty(chain.get(i + 1)) || owned.contains(at))) {
        return;
      }
      Object parent = chain.get(i);
      Object child = step(parent, kind, new FieldPath(elements.subList(0, i)), elements.get(i));
      if (parent instanceof Map<?, ?> map && elements.get(i) instanceof PathElement.Field f) {
        map.remove(f.name());
      } else if (parent instanceof List<?> list) {
        list.remove(child);
      }
    }
  }

  /** The node an element names inside a map or list, or {@code null} when absent. */
  private static Object step(Object node, String kind, FieldPath at, PathElement element) {
    return switch (element) {
      case PathElement.Field f -> {
        Map<String, Object> map = Trees.asMap(node);
        yield map == null ? null : map.get(f.name());
      }
      case PathElement.Key key -> {
        List<Object> list = Trees.asList(node);
        ListType type = MergeRules.declaredListType(kind, at.fieldNames());
        if (list == null || !(type instanceof ListType.Keyed keyed)) {
          yield null;
        }
        yield list.stream()
            .filter(item -> keyed.keyOf(item).equals(Optional.of(key)))
            .findFirst()
            .orElse(null);
      }
      case PathElement.Value value -> {
        List<Object> list = Trees.asList(node);
        yield list != null && list.contains(value.value()) ? value.value() : null;
      }
    };
  }

  private static boolean isEmpty(Object node) {
    return (node instanceof Map<?, ?> m && m.isEmpty())
        || (node instanceof List<?> l && l.isEmpty());
  }
}
