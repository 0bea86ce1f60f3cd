package dev.meshplay.gitops.reconciler.order;

import dev.meshplay.gitops.reconciler.settings.DesignSettings;
import dev.meshplay.gitops.reconciler.settings.RepositorySettings;
import dev.meshplay.gitops.reconciler.settings.SettingsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order designs are applied in, from their {@code dependsOn} settings: layer 0 depends on
 * nothing, each later layer only on earlier ones. Pure; an unknown design or a cycle is a {@link
 * SettingsException} naming the {@code meshplay.yaml} line.
 *
 * @param dependencies per design key, the keys it depends on (designs without any are absent)
 * @param layers design keys, each layer after every layer it depends on
 */
public record DesignOrder(Map<String, List<String>> dependencies, List<List<String>> layers) {

  public DesignOrder {
    dependencies = Map.copyOf(dependencies);
    layers = layers.stream().map(List::copyOf).toList();
  }

  /**
   * @param designs every design of the commit: key (its path) to name; {@code dependsOn} may use
   *     either, a name only when no other design has it
   */
  public static DesignOrder of(Map<String, String> designs, RepositorySettings settings) {
    Map<String, List<String>> dependencies = new LinkedHashMap<>();
    Map<String, DesignSettings.Dependency> written = new LinkedHashMap<>();
    for (String key : designs.keySet()) {
      List<String> keys = new ArrayList<>();
      for (DesignSettings.Dependency dependency : settings.forDesign(key).dependsOn()) {
        String resolved = resolve(dependency, designs);
        keys.add(resolved);
        written.putIfAbsent(key + " " + resolved, dependency);
      }
      if (!keys.isEmpty()) {
        dependencies.put(key, keys);
      }
    }
    return new DesignOrder(dependencies, layers(designs.keySet(), dependencies, written));
  }

  /** The designs {@code key} waits for; empty for most. */
  public List<String> of(String key) {
    return dependencies.getOrDefault(key, List.of());
  }

  private static String resolve(DesignSettings.Dependency dependency, Map<String, String> designs) {
    if (designs.containsKey(dependency.design())) {
      return dependency.design();
    }
    List<String> named =
        designs.entrySet().stream()
            .filter(e -> e.getValue().equals(dependency.design()))
            .map(Map.Entry::getKey)
            .toList();
    if (named.size() == 1) {
      return named.getFirst();
    }
    throw new SettingsException(
        dependency.at()
            + ": dependsOn: "
            + (named.isEmpty()
                ? "no design '" + dependency.design() + "' (name a design by its path or its name)"
                : "'"
                    + dependency.design()
                    + "' names "
                    + named.size()
                    + " designs "
                    + named
                    + "; use the path"));
  }

  /** Kahn's algorithm, by layer; what is left over lies on a cycle, which is reported. */
  private static List<List<String>> layers(
      Set<String> keys,
      Map<String, List<String>> dependencies,
      Map<String, DesignSettings.Dependency> written) {
    List<List<String>> layers = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    Set<String> left = new LinkedHashSet<>(keys);
    while (!left.isEmpty()) {
      List<String> layer =
          left.stream()
              .filter(k -> placed.containsAll(dependencies.getOrDefault(k, List.of())))
              .toList();
      if (layer.isEmpty()) {
        throw cycle(left, dependencies, written);
      }
      layers.add(layer);
      placed.addAll(layer);
      layer.forEach(left::remove);
    }
    return layers;
  }

  private static SettingsException cycle(
      Set<String> left,
      Map<String, List<String>> dependencies,
      Map<String, DesignSettings.Dependency> written) {
    // Walk from any unplaced design along unplaced dependencies until a design repeats.
    List<String> path = new ArrayList<>();
    String at = left.iterator().next();
    while (!path.contains(at)) {
      path.add(at);
      at = dependencies.get(at).stream().filter(left::contains).findFirst().orElseThrow();
    }
    List<String> loop = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
    loop.add(at);
    DesignSettings.Dependency first = written.get(loop.get(0) + " " + loop.get(1));
    return new SettingsException(first.at() + ": dependsOn cycle: " + String.join(" -> ", loop));
  }
}
