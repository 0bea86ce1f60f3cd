package dev.meshplay.gitops.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Meshery's field references ({@code [configuration, spec, configPatches, _, patch, value]}) over
 * plain JSON-like trees, where {@code _} means every element of a list.
 */
final class ObjectPaths {
  static final String EVERY = "_";

  private ObjectPaths() {}

  /** The first path of {@code patch.<name>} on either side of a relationship, else the default. */
  static List<Object> ref(
      YamlNode.Mapping first, YamlNode.Mapping second, String name, List<Object> fallback) {
    for (YamlNode.Mapping side : List.of(first, second)) {
      var refs = side.mapping("patch").flatMap(p -> p.sequence(name));
      if (refs.isPresent()
          && !refs.get().items().isEmpty()
          && refs.get().items().getFirst() instanceof YamlNode.Sequence path
          && !path.items().isEmpty()) {
        List<Object> elements = new ArrayList<>();
        path.items().forEach(item -> elements.add(item.toValue()));
        return elements;
      }
    }
    return fallback;
  }

  /** The value at a path (the first element where the path says {@code _}); null if absent. */
  static Object read(Object root, List<Object> path) {
    Object node = root;
    for (Object element : path) {
      if (node instanceof Map<?, ?> map) {
        node = map.get(String.valueOf(element));
      } else if (node instanceof List<?> list && !list.isEmpty()) {
        int index = EVERY.equals(element) ? 0 : Integer.parseInt(String.valueOf(element));
        node = index < list.size() ? list.get(index) : null;
      } else {
        return null;
      }
    }
    return node;
  }

  /** A string holding YAML or JSON becomes the structure it describes; other values stay. */
  static Object decoded(Object value) throws YamlException {
    if (!(value instanceof String text) || text.isBlank()) {
      return value;
    }
    List<YamlNode> documents = YamlReader.read("config", text);
    return documents.isEmpty() ? value : documents.getFirst().toValue();
  }

  /**
   * Sets the value at every place the path reaches, creating missing maps along the way (but not
   * lists: there is nothing to patch in an empty list).
   *
   * @return how many places were written
   */
  @SuppressWarnings("unchecked")
  static int write(Object node, List<Object> path, Object value) {
    if (path.isEmpty()) {
      return 0;
    }
    Object head = path.getFirst();
    List<Object> rest = path.subList(1, path.size());
    if (node instanceof List<?> list) {
      int written = 0;
      if (EVERY.equals(head)) {
        for (Object item : list) {
          written += rest.isEmpty() ? 0 : write(item, rest, value);
        }
      } else if (head instanceof Number index && index.intValue() < list.size()) {
        written += write(list.get(index.intValue()), rest, value);
      }
      return written;
    }
    if (!(node instanceof Map<?, ?> raw)) {
      return 0;
    }
    Map<String, Object> map = (Map<String, Object>) raw;
    String key = String.valueOf(head);
    if (rest.isEmpty()) {
      map.put(key, value);
      return 1;
    }
    Object child = map.get(key);
    if (child == null && !EVERY.equals(rest.getFirst())) {
      child = new LinkedHashMap<String, Object>();
      map.put(key, child);
    }
    return write(child, rest, value);
  }
}
