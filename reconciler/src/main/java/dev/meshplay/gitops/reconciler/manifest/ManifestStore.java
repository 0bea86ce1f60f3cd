package dev.meshplay.gitops.reconciler.manifest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The manifests of the last pass of every source in every cluster. Each pass replaces its whole map
 * at once, so a reader sees one pass or the next, never a mix.
 */
public final class ManifestStore {
  private record Key(String source, String cluster) {}

  private final Map<Key, Map<String, DesignManifest>> passes = new ConcurrentHashMap<>();

  /**
   * Records a pass. A design the pass held back (failed render, denied, suspended) keeps the
   * manifest it had, because its last good objects are what still runs; a design not in {@code
   * present} left Git and is dropped.
   */
  public void put(
      String source,
      String cluster,
      Map<String, DesignManifest> designs,
      java.util.Collection<String> present) {
    passes.compute(
        new Key(source, cluster),
        (key, before) -> {
          Map<String, DesignManifest> next = new HashMap<>(designs);
          if (before != null) {
            for (String design : present) {
              if (!next.containsKey(design) && before.containsKey(design)) {
                next.put(design, before.get(design));
              }
            }
          }
          return Map.copyOf(next);
        });
  }

  public void put(String source, String cluster, Map<String, DesignManifest> designs) {
    put(source, cluster, designs, java.util.List.of());
  }

  public Optional<DesignManifest> find(String source, String cluster, String design) {
    return Optional.ofNullable(passes.getOrDefault(new Key(source, cluster), Map.of()).get(design));
  }
}
