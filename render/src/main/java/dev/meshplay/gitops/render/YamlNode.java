package dev.meshplay.gitops.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed YAML value that remembers where it was written, so every reader can point at the line of
 * the component, service or document it complains about. Aliases are already expanded.
 */
sealed interface YamlNode {

  /** 1-based line and column of the first character of the value. */
  record Position(int line, int column) {}

  Position position();

  default int line() {
    return position().line();
  }

  /** The plain JSON-like tree: LinkedHashMap, ArrayList, String, Number, Boolean, null. */
  Object toValue();

  /** A YAML null (or an empty document): nothing was written. */
  default boolean isNull() {
    return this instanceof Scalar scalar && scalar.value() == null;
  }

  record Scalar(Object value, Position position) implements YamlNode {
    @Override
    public Object toValue() {
      return value;
    }

    /** The value as text, whatever its YAML type; null for a YAML null. */
    String text() {
      return value == null ? null : String.valueOf(value);
    }
  }

  record Sequence(List<YamlNode> items, Position position) implements YamlNode {
    @Override
    public Object toValue() {
      List<Object> list = new ArrayList<>(items.size());
      items.forEach(item -> list.add(item.toValue()));
      return list;
    }
  }

  /** A mapping keeps, for each key, where the key was written (service keys are reported there). */
  record Mapping(Map<String, Entry> entries, Position position) implements YamlNode {

    record Entry(Position keyPosition, YamlNode value) {}

    @Override
    public Object toValue() {
      Map<String, Object> map = new LinkedHashMap<>();
      entries.forEach((key, entry) -> map.put(key, entry.value().toValue()));
      return map;
    }

    /** The first of the given spellings that is present (camelCase and snake_case both occur). */
    Optional<Map.Entry<String, Entry>> find(String... names) {
      for (String name : names) {
        Entry entry = entries.get(name);
        if (entry != null) {
          return Optional.of(Map.entry(name, entry));
        }
      }
      return Optional.empty();
    }

    Optional<YamlNode> get(String... names) {
      return find(names).map(found -> found.getValue().value());
    }

    /**
     * The value of {@code name} when it is written but is not of the expected shape (a list where a
     * map belongs): readers report it instead of dropping it silently.
     */
    Optional<YamlNode> misshapen(String name, Class<? extends YamlNode> expected) {
      return get(name).filter(n -> !n.isNull() && !expected.isInstance(n));
    }

    /** A scalar as text; null when absent, null, or not a scalar. */
    String text(String... names) {
      return get(names).filter(Scalar.class::isInstance).map(n -> ((Scalar) n).text()).orElse(null);
    }

    Optional<Mapping> mapping(String... names) {
      return get(names).filter(Mapping.class::isInstance).map(Mapping.class::cast);
    }

    Optional<Sequence> sequence(String... names) {
      return get(names).filter(Sequence.class::isInstance).map(Sequence.class::cast);
    }

    /** A scalar that YAML read as a string; null otherwise (Kubernetes wants names as strings). */
    String string(String... names) {
      return get(names)
          .filter(Scalar.class::isInstance)
          .map(n -> ((Scalar) n).value())
          .filter(String.class::isInstance)
          .map(String.class::cast)
          .filter(s -> !s.isBlank())
          .orElse(null);
    }

    /** A boolean written as {@code true} or as the string {@code "true"}; empty when neither. */
    Optional<Boolean> flag(String... names) {
      String text = text(names);
      if ("true".equalsIgnoreCase(text)) {
        return Optional.of(true);
      }
      return "false".equalsIgnoreCase(text) ? Optional.of(false) : Optional.empty();
    }
  }
}
