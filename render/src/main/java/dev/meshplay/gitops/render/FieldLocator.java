package dev.meshplay.gitops.render;

import java.util.List;
import java.util.Map;

/**
 * Finds where a field of a rendered object was written, so a schema error points at the value
 * itself rather than at the whole object. The body was built from {@code root} (a manifest, a
 * Meshery {@code configuration}, a service's {@code settings}); fields the reader generated point
 * where their source was written ({@code metadata.name} at a component's {@code displayName}). A
 * field that was never written (a missing required one) is located at its closest written parent.
 *
 * @param overrides JSON-path prefixes ({@code metadata/name}) → where their value came from
 * @param fallback where the object as a whole was declared
 */
record FieldLocator(
    YamlNode root, Map<String, YamlNode.Position> overrides, YamlNode.Position fallback) {

  static FieldLocator of(YamlNode root) {
    return new FieldLocator(root, Map.of(), root.position());
  }

  /**
   * @param path field names (String) and list indices (Integer) from the object's root
   */
  YamlNode.Position locate(List<Object> path) {
    StringBuilder prefix = new StringBuilder();
    for (Object element : path) {
      prefix.append(prefix.isEmpty() ? "" : "/").append(element);
      YamlNode.Position override = overrides.get(prefix.toString());
      if (override != null) {
        return override;
      }
    }
    if (root == null) {
      return fallback;
    }
    YamlNode node = root;
    for (Object element : path) {
      YamlNode next = child(node, element);
      if (next == null) {
        break;
      }
      node = next;
    }
    return node == root && path.isEmpty() ? fallback : node.position();
  }

  private static YamlNode child(YamlNode node, Object element) {
    if (node instanceof YamlNode.Mapping mapping && element instanceof String name) {
      YamlNode.Mapping.Entry entry = mapping.entries().get(name);
      return entry == null ? null : entry.value();
    }
    if (node instanceof YamlNode.Sequence sequence
        && element instanceof Integer index
        && index >= 0
        && index < sequence.items().size()) {
      return sequence.items().get(index);
    }
    return null;
  }
}
