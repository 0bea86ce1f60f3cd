package dev.meshplay.gitops.reconciler.inventory;

import dev.meshplay.gitops.render.ObjectRef;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one source has applied to one cluster, per design key. Stored in the cluster so prune is
 * exact and survives restarts; everything here is set arithmetic.
 */
public record Inventory(Map<String, Set<ObjectRef>> designs) {

  public Inventory {
    Map<String, Set<ObjectRef>> copy = new TreeMap<>();
    designs.forEach((key, refs) -> copy.put(key, Set.copyOf(new LinkedHashSet<>(refs))));
    designs = java.util.Collections.unmodifiableMap(copy);
  }

  public static Inventory empty() {
    return new Inventory(Map.of());
  }

  public Set<ObjectRef> of(String design) {
    return designs.getOrDefault(design, Set.of());
  }

  public Set<ObjectRef> all() {
    Set<ObjectRef> all = new LinkedHashSet<>();
    designs.values().forEach(all::addAll);
    return all;
  }

  /** This inventory with one design's entry replaced. */
  public Inventory with(String design, Collection<ObjectRef> refs) {
    Map<String, Set<ObjectRef>> next = new TreeMap<>(designs);
    next.put(design, Set.copyOf(refs));
    return new Inventory(next);
  }

  /** This inventory without a design's entry. */
  public Inventory without(String design) {
    Map<String, Set<ObjectRef>> next = new TreeMap<>(designs);
    next.remove(design);
    return new Inventory(next);
  }
}
