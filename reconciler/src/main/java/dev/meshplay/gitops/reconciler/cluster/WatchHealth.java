package dev.meshplay.gitops.reconciler.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which kinds' watches dropped since they were last seen watching, from samples of each informer's
 * state. A kind is interrupted from the first sample that finds its watch down until it has been
 * listed afresh; a watch never seen up yet (still starting) is not a drop.
 */
final class WatchHealth {
  private final Set<String> seenWatching = ConcurrentHashMap.newKeySet();
  private final Set<String> interrupted = ConcurrentHashMap.newKeySet();

  /**
   * Takes one sample (kind to whether its watch is open) and returns the kinds whose watch is open
   * again after a drop: these need a fresh list.
   */
  List<String> toRelist(Map<String, Boolean> watching) {
    watching.forEach(
        (kind, up) -> {
          if (!up && seenWatching.contains(kind)) {
            interrupted.add(kind);
          } else if (up) {
            seenWatching.add(kind);
          }
        });
    return interrupted.stream().filter(kind -> watching.getOrDefault(kind, false)).toList();
  }

  /** True while reads of {@code kind} must not trust its cache. */
  boolean interrupted(String kind) {
    return interrupted.contains(kind);
  }

  /** The kind has a fresh informer; it is trusted once that one is seen watching. */
  void relisted(String kind) {
    interrupted.remove(kind);
    seenWatching.remove(kind);
  }
}
