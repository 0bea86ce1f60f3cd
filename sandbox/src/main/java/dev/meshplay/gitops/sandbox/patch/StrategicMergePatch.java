package dev.meshplay.gitops.sandbox.patch;

import dev.meshplay.gitops.sandbox.document.Documents;
import dev.meshplay.gitops.sandbox.document.Trees;
import dev.meshplay.gitops.sandbox.fields.FieldPath;
import dev.meshplay.gitops.sandbox.fields.ListType;
import dev.meshplay.gitops.sandbox.fields.MergeRules;
import dev.meshplay.gitops.sandbox.fields.PathElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Strategic merge patch, what {@code kubectl patch} sends by default: a merge patch in which lists
 * with merge keys ({@link MergeRules}) merge per item and set lists by value. Supports the {@code
 * $patch} (replace, delete), {@code $retainKeys}, {@code $setElementOrder/} and {@code
 * $deleteFromPrimitiveList/} directives.
 */
public final class StrategicMergePatch {
  private static final String PATCH = "$patch";
  private static final String RETAIN_KEYS = "$retainKeys";
  private static final String ORDER = "$setElementOrder/";
  private static final String DELETE_FROM = "$deleteFromPrimitiveList/";

  private final String kind;

  private StrategicMergePatch(String kind) {
    this.kind = kind;
  }

  public static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch) {
    Map<String, Object> out =
        new StrategicMergePatch(Trees.string(target, "kind")).map(FieldPath.root(), target, patch);
    return out == null ? new LinkedHashMap<>() : out;
  }

  /** The merged map, or {@code null} when the patch deletes it. */
  private Map<String, Object> map(
      FieldPath path, Map<String, Object> target, Map<String, Object> patch) {
    Object directive = patch.get(PATCH);
    if ("delete".equals(directive)) {
      return null;
    }
    if ("replace".equals(directive) || target == null) {
      return clean(patch);
    }
    Map<String, Object> out = Documents.copy(target);
    patch.forEach(
        (key, value) -> {
          if (key.startsWith(DELETE_FROM)) {
            String field = key.substring(DELETE_FROM.length());
            List<Object> list = Trees.asList(out.get(field));
            List<Object> gone = Trees.asList(value);
            if (list != null && gone != null) {
              list.removeIf(gone::contains);
            }
          } else if (!key.startsWith("$")) {
            Object merged = value == null ? null : value(path.child(key), out.get(key), value);
            if (merged == null) {
              out.remove(key);
            } else {
              out.put(key, merged);
            }
          }
        });
    patch.forEach(
        (key, value) -> {
          if (key.startsWith(ORDER) && Trees.asList(value) != null) {
            String field = key.substring(ORDER.length());
            reorder(path.child(field), Trees.asList(out.get(field)), Trees.asList(value));
          }
        });
    List<Object> retain = Trees.asList(patch.get(RETAIN_KEYS));
    if (retain != null) {
      out.keySet().removeIf(k -> !retain.contains(k));
    }
    return out;
  }

  private Object value(FieldPath path, Object target, Object patch) {
    Map<String, Object> patchMap = Trees.asMap(patch);
    if (patchMap != null) {
      return map(path, Trees.asMap(target), patchMap);
    }
    List<Object> patchList = Trees.asList(patch);
    List<Object> targetList = Trees.asList(target);
    if (patchList != null && targetList != null) {
      return list(path, targetList, patchList);
    }
    return patchList != null ? cleanList(patchList) : Documents.normalize(patch);
  }

  private List<Object> list(FieldPath path, List<Object> target, List<Object> patch) {
    boolean replace =
        patch.stream().anyMatch(i -> i instanceof Map<?, ?> m && "replace".equals(m.get(PATCH)));
    List<Object> items =
        patch.stream()
            .filter(i -> !(i instanceof Map<?, ?> m && m.size() == 1 && m.containsKey(PATCH)))
            .toList();
    ListType type = MergeRules.declaredListType(kind, path.fieldNames());
    if (replace || type instanceof ListType.Atomic) {
      return cleanList(items);
    }
    List<Object> out =
        Documents.normalize(target) instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
    if (type instanceof ListType.Keyed keyed) {
      for (Object item : items) {
        Map<String, Object> patchItem = Trees.asMap(item);
        Optional<PathElement.Key> key = keyed.keyOf(patchItem);
        if (key.isEmpty()) {
          return cleanList(items);
        }
        int at = indexOf(out, keyed, key.get());
        Map<String, Object> merged =
            map(path.child(key.get()), at < 0 ? null : Trees.asMap(out.get(at)), patchItem);
        if (merged == null && at >= 0) {
          out.remove(at);
        } else if (merged != null && at >= 0) {
          out.set(at, merged);
        } else if (merged != null) {
          out.add(merged);
        }
      }
      return out;
    }
    items.stream().filter(v -> !out.contains(v)).forEach(v -> out.add(Documents.normalize(v)));
    return out;
  }

  /** Puts the items named in a {@code $setElementOrder} list first, in that order. */
  private void reorder(FieldPath path, List<Object> list, List<Object> order) {
    if (list == null) {
      return;
    }
    ListType type = MergeRules.declaredListType(kind, path.fieldNames());
    List<Object> sorted = new ArrayList<>();
    for (Object wanted : order) {
      for (Object item : list) {
        boolean same =
            type instanceof ListType.Keyed keyed
                ? keyed.keyOf(item).isPresent() && keyed.keyOf(item).equals(keyed.keyOf(wanted))
                : item.equals(wanted);
        if (same && !sorted.contains(item)) {
          sorted.add(item);
        }
      }
    }
    list.stream().filter(i -> !sorted.contains(i)).forEach(sorted::add);
    list.clear();
    list.addAll(sorted);
  }

  private static int indexOf(List<Object> list, ListType.Keyed type, PathElement.Key key) {
    for (int i = 0; i < list.size(); i++) {
      if (type.keyOf(list.get(i)).equals(Optional.of(key))) {
        return i;
      }
    }
    return -1;
  }

  /** A patch value with every directive removed, for values that have nothing to merge into. */
  private static Map<String, Object> clean(Map<String, Object> patch) {
    Map<String, Object> out = new LinkedHashMap<>();
    patch.forEach(
        (key, value) -> {
          if (!key.startsWith("$") && value != null) {
            out.put(
                key,
                value instanceof Map<?, ?>
                    ? clean(Trees.asMap(value))
                    : value instanceof List<?> ? cleanList(Trees.asList(value)) : value);
          }
        });
    return out;
  }

  private static List<Object> cleanList(List<Object> items) {
    List<Object> out = new ArrayList<>();
    items.forEach(
        i -> out.add(i instanceof Map<?, ?> ? clean(Trees.asMap(i)) : Documents.normalize(i)));
    return out;
  }
}
