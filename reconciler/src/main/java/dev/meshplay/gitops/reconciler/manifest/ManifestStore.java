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

  public void put(String source, String cluster, Map<String, DesignManifest> designs) {
    passes.put(new Key(source, cluster), Map.copyOf(new HashMap<>(designs)));
  }

  public Optional<DesignManifest> find(String source, String cluster, String design) {
    return Optional.ofNullable(passes.getOrDefault(new Key(source, cluster), Map.of()).get(design));
  }
}
