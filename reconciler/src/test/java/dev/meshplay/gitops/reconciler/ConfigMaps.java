package dev.meshplay.gitops.reconciler;

import java.util.List;
import java.util.Map;

/** Manifests of many small ConfigMaps in one Namespace: the bulk objects of the fault tests. */
final class ConfigMaps {
  private ConfigMaps() {}

  /**
   * A multi-document file: the Namespace, then one ConfigMap per name whose {@code value} is {@code
   * changed.get(name)}, or {@code value} for the names not in {@code changed}.
   */
  static String yaml(
      String namespace, List<String> names, Map<String, String> changed, String value) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ")
        .append(namespace)
        .append('\n');
    for (String name : names) {
      yaml.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ")
          .append(name)
          .append("\n  namespace: ")
          .append(namespace)
          .append("\ndata:\n  value: \"")
          .append(changed.getOrDefault(name, value))
          .append("\"\n");
    }
    return yaml.toString();
  }
}
