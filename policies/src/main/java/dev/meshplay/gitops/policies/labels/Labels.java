package dev.meshplay.gitops.policies.labels;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads label maps out of rendered object trees, where values may be numbers or booleans. */
public final class Labels {
  private Labels() {}

  /** {@code metadata.labels} of a rendered body, never null. */
  public static Map<String, String> of(Map<String, Object> body) {
    return stringMap(path(body, "metadata", "labels"));
  }

  /** A map tree as strings; anything else becomes an empty map. */
  public static Map<String, String> stringMap(Object tree) {
    if (!(tree instanceof Map<?, ?> map) || map.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    return out;
  }

  /** Walks nested maps; null as soon as a step is missing or not a map. */
  public static Object path(Object tree, String... keys) {
    Object current = tree;
    for (String key : keys) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }
}
