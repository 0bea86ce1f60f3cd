package dev.meshplay.gitops.sandbox.fields;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** How a list merges and how its items are owned. */
public sealed interface ListType {

  /** Replaced whole and owned as one field. */
  record Atomic() implements ListType {}

  /** Items are scalars, merged by value and owned one by one ({@code v:} elements). */
  record Set() implements ListType {}

  /**
   * Items are objects identified by key fields, merged and owned one by one ({@code k:} elements);
   * {@code defaults} stand in for absent key fields (a port's protocol is TCP).
   */
  record Keyed(List<String> keys, Map<String, Object> defaults) implements ListType {
    public Keyed {
      keys = List.copyOf(keys);
      defaults = Map.copyOf(defaults);
    }

    /** The key of an item, or empty when the item is not an object or lacks a key field. */
    public Optional<PathElement.Key> keyOf(Object item) {
      if (!(item instanceof Map<?, ?> map)) {
        return Optional.empty();
      }
      TreeMap<String, Object> key = new TreeMap<>();
      for (String name : keys) {
        Object value = map.get(name);
        if (value == null) {
          value = defaults.get(name);
        }
        if (value == null) {
          return Optional.empty();
        }
        key.put(name, value);
      }
      return Optional.of(new PathElement.Key(key));
    }

    /** Whether every item has a key and no two items share one. */
    public boolean canKey(List<?> items) {
      java.util.Set<PathElement.Key> seen = new java.util.HashSet<>();
      for (Object item : items) {
        Optional<PathElement.Key> key = keyOf(item);
        if (key.isEmpty() || !seen.add(key.get())) {
          return false;
        }
      }
      return true;
    }
  }
}
