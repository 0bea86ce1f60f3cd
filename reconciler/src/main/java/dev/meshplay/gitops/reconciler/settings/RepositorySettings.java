package dev.meshplay.gitops.reconciler.settings;

import java.util.List;
import java.util.Map;

/**
 * What a repository's {@code meshplay.yaml} says: defaults for every design, per-design overrides
 * keyed by design path, fields to ignore, and the largest share of a design's objects one pass may
 * prune.
 *
 * @param demoTargetLatency how long the demo's built-in benchmark target waits before answering
 *     ({@code spec.demoTarget.latency}), or null; only the demo reads it
 */
public record RepositorySettings(
    DesignSettings defaults,
    Map<String, DesignSettings> designs,
    List<IgnoreRule> ignoreDifferences,
    double maxPruneShare,
    java.time.Duration demoTargetLatency) {

  public static final String FILE = "meshplay.yaml";

  public RepositorySettings {
    designs = Map.copyOf(designs);
    ignoreDifferences = List.copyOf(ignoreDifferences);
  }

  /** The settings when a repository has no meshplay.yaml. */
  public static RepositorySettings none() {
    return new RepositorySettings(DesignSettings.defaults(), Map.of(), List.of(), 0.5, null);
  }

  public DesignSettings forDesign(String key) {
    return designs.getOrDefault(key, defaults);
  }

  public boolean ignored(String kind, String path) {
    return ignoreDifferences.stream().anyMatch(rule -> rule.ignores(kind, path));
  }
}
