package dev.meshplay.gitops.sandbox;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import io.fabric8.mockwebserver.crud.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CRUD store's entries (object attributes to stored JSON) with an index by object name, so that
 * finding one object costs the number of objects sharing its name instead of a scan of the whole
 * store. fabric8 writes the store only through {@link #put}, {@link #remove} and {@link #clear},
 * which keep the index; insertion order stays the map's, so lookups return what a scan would, in
 * the same order.
 */
final class NameIndexedEntries extends LinkedHashMap<AttributeSet, String> {
  private static final String NAME = "name";
  private static final String ANY = "*";

  private final Map<String, Set<AttributeSet>> byName = new HashMap<>();

  /** When each key was first stored, to give candidates from two buckets in store order. */
  private final Map<AttributeSet, Long> stored = new HashMap<>();

  private long next;

  /**
   * The entries matching a query that names one object ({@code name} equal to one value), in store
   * order; empty when the query is not of that shape and only a scan can answer it.
   */
  Optional<List<Map.Entry<AttributeSet, String>>> matching(AttributeSet query) {
    Optional<String> name = exactName(query);
    if (name.isEmpty() || name.get().equals(ANY)) {
      return Optional.empty();
    }
    List<Map.Entry<AttributeSet, String>> found = new ArrayList<>();
    for (AttributeSet key : candidates(name.get())) {
      String value = get(key);
      if (value != null && key.matches(query)) {
        found.add(Map.entry(key, value));
      }
    }
    return Optional.of(found);
  }

  @Override
  public String put(AttributeSet key, String value) {
    String previous = super.put(key, value);
    stored.computeIfAbsent(key, k -> next++);
    byName.computeIfAbsent(indexName(key), n -> new LinkedHashSet<>()).add(key);
    return previous;
  }

  @Override
  public void putAll(Map<? extends AttributeSet, ? extends String> entries) {
    entries.forEach(this::put);
  }

  @Override
  public String remove(Object key) {
    String previous = super.remove(key);
    if (previous != null && key instanceof AttributeSet set) {
      stored.remove(set);
      String name = indexName(set);
      Set<AttributeSet> bucket = byName.get(name);
      if (bucket != null) {
        bucket.remove(set);
        if (bucket.isEmpty()) {
          byName.remove(name);
        }
      }
    }
    return previous;
  }

  @Override
  public void clear() {
    super.clear();
    byName.clear();
    stored.clear();
  }

  /** Objects with that name, then those stored under the wildcard name, which match any name. */
  private List<AttributeSet> candidates(String name) {
    List<AttributeSet> keys = new ArrayList<>(byName.getOrDefault(name, Set.of()));
    keys.addAll(byName.getOrDefault(ANY, Set.of()));
    if (keys.size() > 1) {
      keys.sort(Comparator.comparing(stored::get));
    }
    return keys;
  }

  /** The key's name, or the empty string for entries without one (they never match a name). */
  private static String indexName(AttributeSet key) {
    Attribute name = key.getAttribute(NAME);
    if (name == null || name.getValues().size() != 1) {
      return "";
    }
    Value value = name.getValues().get(0);
    return value.toString() == null ? "" : value.toString();
  }

  private static Optional<String> exactName(AttributeSet query) {
    Attribute name = query.getAttribute(NAME);
    if (name == null || name.getType() != AttributeType.WITH || name.getValues().size() != 1) {
      return Optional.empty();
    }
    return Optional.ofNullable(name.getValues().get(0).toString());
  }
}
