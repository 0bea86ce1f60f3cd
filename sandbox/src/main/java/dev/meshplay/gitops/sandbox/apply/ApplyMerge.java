package dev.meshplay.gitops.sandbox.apply;

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

/**
 * Merges an applied configuration into the live object: maps merge per key, keyed lists per item,
 * set lists by value, and everything else (scalars, atomic lists and maps) is replaced. A {@code
 * null} in the configuration clears the field.
 */
public final class ApplyMerge {
  private final String kind;

  private ApplyMerge(String kind) {
    this.kind = kind;
  }

  public static Map<String, Object> merge(Map<String, Object> live, Map<String, Object> config) {
    String kind = Trees.string(config, "kind");
    return new ApplyMerge(kind).map(FieldPath.root(), live, config);
  }

  private Map<String, Object> map(
      FieldPath path, Map<String, Object> live, Map<String, Object> config) {
    Map<String, Object> out = Documents.copy(live);
    config.forEach(
        (key, value) -> {
          if (value == null) {
            out.remove(key);
          } else {
            out.put(key, value(path.child(key), out.get(key), value));
          }
        });
    return out;
  }

  private Object value(FieldPath path, Object live, Object config) {
    Map<String, Object> liveMap = Trees.asMap(live);
    Map<String, Object> configMap = Trees.asMap(config);
    if (liveMap != null && configMap != null && !MergeRules.atomicMap(path.fieldNames())) {
      return map(path, liveMap, configMap);
    }
    List<Object> liveList = Trees.asList(live);
    List<Object> configList = Trees.asList(config);
    if (liveList != null && configList != null) {
      return list(path, liveList, configList);
    }
    return Documents.normalize(config);
  }

  private Object list(FieldPath path, List<Object> live, List<Object> config) {
    ListType liveType = MergeRules.listType(kind, path.fieldNames(), live);
    ListType configType = MergeRules.listType(kind, path.fieldNames(), config);
    if (!liveType.equals(configType)) {
      return Documents.normalize(config);
    }
    return switch (configType) {
      case ListType.Atomic a -> Documents.normalize(config);
      case ListType.Set s -> {
        List<Object> out = new ArrayList<>(live);
        config.stream().filter(v -> !out.contains(v)).forEach(out::add);
        yield Documents.normalize(out);
      }
      case ListType.Keyed keyed -> keyed(path, keyed, live, config);
    };
  }

  private List<Object> keyed(
      FieldPath path, ListType.Keyed type, List<Object> live, List<Object> config) {
    Map<PathElement.Key, Map<String, Object>> applied = new LinkedHashMap<>();
    config.forEach(item -> applied.put(type.keyOf(item).orElseThrow(), Trees.asMap(item)));
    List<Object> out = new ArrayList<>();
    for (Object item : live) {
      PathElement.Key key = type.keyOf(item).orElseThrow();
      Map<String, Object> update = applied.remove(key);
      out.add(
          update == null
              ? Documents.normalize(item)
              : map(path.child(key), Trees.asMap(item), update));
    }
    applied.values().forEach(item -> out.add(Documents.normalize(item)));
    return out;
  }
}
