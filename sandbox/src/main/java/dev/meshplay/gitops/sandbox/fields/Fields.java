package dev.meshplay.gitops.sandbox.fields;

import dev.meshplay.gitops.sandbox.document.Trees;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fields of an object, as the paths a manager can own. */
public final class Fields {
  /** Stands for a list item or a map in {@link #nodes}: its identity is its path. */
  public static final Object NODE = new Object();

  /** Set by the server or naming the object: never owned (the API server's stripMeta set). */
  private static final Set<FieldPath> UNOWNED =
      Set.of(
          FieldPath.of("apiVersion"),
          FieldPath.of("kind"),
          FieldPath.of("metadata"),
          FieldPath.of("metadata", "name"),
          FieldPath.of("metadata", "namespace"),
          FieldPath.of("metadata", "creationTimestamp"),
          FieldPath.of("metadata", "selfLink"),
          FieldPath.of("metadata", "uid"),
          FieldPath.of("metadata", "generation"),
          FieldPath.of("metadata", "managedFields"),
          FieldPath.of("metadata", "resourceVersion"));

  /** Maps with free-form keys: an operation that creates one owns the map itself too. */
  private static final Set<String> FREE_FORM_MAPS =
      Set.of("labels", "annotations", "data", "binaryData", "stringData", "matchLabels");

  private Fields() {}

  /**
   * What an applied configuration sets, which its manager owns after the apply: leaf values, atomic
   * lists and maps, empty maps, and every item of a keyed or set list.
   */
  public static FieldSet owned(Map<String, Object> object) {
    return FieldSet.of(walk(object, false).keySet());
  }

  /**
   * Every ownable node of an object with its value, for comparing two versions of it: the paths of
   * {@link #owned} plus free-form maps; items and maps have the value {@link #NODE}.
   */
  public static Map<FieldPath, Object> nodes(Map<String, Object> object) {
    return walk(object, true);
  }

  private static Map<FieldPath, Object> walk(Map<String, Object> object, boolean mapNodes) {
    Map<FieldPath, Object> out = new LinkedHashMap<>();
    new Walk(String.valueOf(object.get("kind")), mapNodes, out).map(FieldPath.root(), object);
    return out;
  }

  private record Walk(String kind, boolean mapNodes, Map<FieldPath, Object> out) {
    void map(FieldPath path, Map<String, Object> map) {
      map.forEach(
          (key, value) -> {
            FieldPath child = path.child(key);
            if (!UNOWNED.contains(child)) {
              value(child, value);
            } else if (Trees.asMap(value) != null) {
              map(child, Trees.asMap(value)); // metadata itself is unowned, its labels are not
            }
          });
    }

    void value(FieldPath path, Object value) {
      Map<String, Object> map = Trees.asMap(value);
      List<Object> list = Trees.asList(value);
      if (map != null && !map.isEmpty() && !MergeRules.atomicMap(path.fieldNames())) {
        if (mapNodes
            && path.last() instanceof PathElement.Field f
            && FREE_FORM_MAPS.contains(f.name())) {
          out.put(path, NODE);
        }
        map(path, map);
      } else if (list != null) {
        list(path, list);
      } else {
        out.put(path, value);
      }
    }

    void list(FieldPath path, List<Object> list) {
      switch (MergeRules.listType(kind, path.fieldNames(), list)) {
        case ListType.Atomic a -> out.put(path, list);
        case ListType.Set s ->
            list.forEach(item -> out.put(path.child(new PathElement.Value(item)), NODE));
        case ListType.Keyed keyed ->
            list.forEach(
                item -> {
                  FieldPath itemPath = path.child(keyed.keyOf(item).orElseThrow());
                  out.put(itemPath, NODE);
                  map(itemPath, Trees.asMap(item));
                });
      }
    }
  }
}
