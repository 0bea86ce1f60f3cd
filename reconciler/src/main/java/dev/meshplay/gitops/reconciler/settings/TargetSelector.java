package dev.meshplay.gitops.reconciler.settings;

import java.util.Map;

/** A cluster chosen by name, or by labels it carries in the daemon's configuration. */
public record TargetSelector(String name, Map<String, String> matchLabels) {

  public TargetSelector {
    matchLabels = Map.copyOf(matchLabels);
  }

  public boolean matches(String cluster, Map<String, String> labels) {
    if (name != null && !name.equals(cluster)) {
      return false;
    }
    return matchLabels.entrySet().stream()
        .allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }
}
