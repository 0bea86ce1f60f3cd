package dev.meshplay.gitops.reconciler.status;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The latest status of every source. Written once per pass by the loop, read by the page: each
 * write swaps in a new immutable map, so readers never see half a pass.
 */
public final class StatusStore {
  private final AtomicReference<Map<String, SourceStatus>> sources =
      new AtomicReference<>(Map.of());

  public void put(SourceStatus status) {
    sources.updateAndGet(
        current -> {
          Map<String, SourceStatus> next = new TreeMap<>(current);
          next.put(status.name(), status);
          return Map.copyOf(next);
        });
  }

  /** Replaces a source's status with a function of the current one (which must exist). */
  public void update(String source, UnaryOperator<SourceStatus> change) {
    sources.updateAndGet(
        current -> {
          Map<String, SourceStatus> next = new TreeMap<>(current);
          next.computeIfPresent(source, (name, status) -> change.apply(status));
          return Map.copyOf(next);
        });
  }

  /**
   * A token that changes on every write (the immutable map itself), so readers can cache what they
   * derive from {@link #sources()} by identity; compare with {@code ==}.
   */
  public Object revision() {
    return sources.get();
  }

  public List<SourceStatus> sources() {
    return new TreeMap<>(sources.get()).values().stream().toList();
  }

  /** True once every source has finished at least one pass. */
  public boolean ready() {
    return sources.get().values().stream()
        .allMatch(s -> s.clusters().stream().allMatch(c -> c.lastSync() != null));
  }
}
