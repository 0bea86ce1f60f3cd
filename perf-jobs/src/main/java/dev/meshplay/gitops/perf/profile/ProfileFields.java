package dev.meshplay.gitops.perf.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The keys of one YAML mapping, read with their lines: every wrong value becomes a diagnostic at
 * the line it was written on, and reading goes on so one pass reports every problem.
 */
final class ProfileFields {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String file;
  private final MappingNode mapping;
  private final List<Diagnostic> diagnostics;

  ProfileFields(String file, MappingNode mapping, List<Diagnostic> diagnostics) {
    this.file = file;
    this.mapping = mapping;
    this.diagnostics = diagnostics;
  }

  /**
   * Reports every repeated key in {@code node} and below, once. The composer keeps both copies of a
   * repeated key; a silent "later wins" would hide a typo.
   */
  static void rejectDuplicateKeys(String file, Node node, List<Diagnostic> diagnostics) {
    if (node instanceof SequenceNode sequence) {
      sequence.getValue().forEach(item -> rejectDuplicateKeys(file, item, diagnostics));
    }
    if (!(node instanceof MappingNode mapping)) {
      return;
    }
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key) {
        Integer first = seen.putIfAbsent(key.getValue(), lineOf(key));
        if (first != null) {
          diagnostics.add(
              Diagnostic.error(
                  file,
                  lineOf(key),
                  "duplicate key '" + key.getValue() + "' (first at line " + first + ")"));
        }
      }
      rejectDuplicateKeys(file, tuple.getValueNode(), diagnostics);
    }
  }

  static int lineOf(Node node) {
    return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
  }

  String file() {
    return file;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** Another mapping of the same file, reporting into the same list. */
  ProfileFields sibling(MappingNode other) {
    return new ProfileFields(file, other, diagnostics);
  }

  int line() {
    return lineOf(mapping);
  }

  void error(int line, String message) {
    diagnostics.add(Diagnostic.error(file, line, message));
  }

  void warning(int line, String message) {
    diagnostics.add(Diagnostic.warning(file, line, message));
  }

  /** The value of the first of the given spellings present (camelCase or snake_case). */
  Optional<Node> node(String... names) {
    for (String name : names) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(name)) {
          return Optional.of(tuple.getValueNode());
        }
      }
    }
    return Optional.empty();
  }

  boolean has(String... names) {
    return node(names).isPresent();
  }

  Optional<ProfileFields> mapping(String... names) {
    return node(names)
        .filter(MappingNode.class::isInstance)
        .map(n -> new ProfileFields(file, (MappingNode) n, diagnostics));
  }

  /** A scalar as text; null when absent or YAML null; an error when it is not a scalar. */
  String text(String... names) {
    Optional<Node> node = node(names);
    if (node.isEmpty()) {
      return null;
    }
    if (node.get() instanceof ScalarNode scalar) {
      return scalar.getTag().getValue().endsWith(":null") ? null : scalar.getValue();
    }
    error(lineOf(node.get()), names[0] + " must be a single value");
    return null;
  }

  String text(String name, String fallback) {
    String value = text(name);
    return value == null ? fallback : value;
  }

  /** A whole number within [min, max]; {@code fallback} when absent. */
  long number(String[] names, long fallback, long min, long max) {
    String value = text(names);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long n = Math.round(Double.parseDouble(value.trim()));
      if (n < min || n > max) {
        error(lineOf(node(names).orElseThrow()), names[0] + " must be " + min + ".." + max);
      }
      return n;
    } catch (NumberFormatException e) {
      error(lineOf(node(names).orElseThrow()), names[0] + " must be a number, not '" + value + "'");
      return fallback;
    }
  }

  /** {@code true} or {@code false}; {@code fallback} when absent. */
  boolean bool(String[] names, boolean fallback) {
    String value = text(names);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        error(
            lineOf(node(names).orElseThrow()),
            names[0] + " must be true or false, not '" + value + "'");
        yield fallback;
      }
    };
  }

  Duration duration(String[] names, Duration fallback) {
    String value = text(names);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return GoDuration.parse(value);
    } catch (IllegalArgumentException e) {
      error(lineOf(node(names).orElseThrow()), names[0] + ": " + e.getMessage());
      return fallback;
    }
  }

  /** A duration that must be above zero (a run's length), else an error at its line. */
  Duration positiveDuration(String[] names, Duration fallback) {
    Duration value = duration(names, fallback);
    if (value.isZero() || value.isNegative()) {
      error(lineOf(node(names).orElseThrow()), names[0] + " must be longer than 0");
      return fallback;
    }
    return value;
  }

  /** Scalars of a sequence with their lines; a single scalar counts as a one-item list. */
  List<Map.Entry<Integer, String>> strings(String... names) {
    List<Map.Entry<Integer, String>> out = new ArrayList<>();
    node(names)
        .ifPresent(
            node -> {
              if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                out.add(Map.entry(lineOf(scalar), scalar.getValue()));
              } else if (node instanceof SequenceNode seq) {
                for (Node item : seq.getValue()) {
                  if (item instanceof ScalarNode scalar) {
                    out.add(Map.entry(lineOf(item), scalar.getValue()));
                  } else {
                    error(lineOf(item), names[0] + " items must be single values");
                  }
                }
              } else if (!(node instanceof ScalarNode)) {
                error(lineOf(node), names[0] + " must be a list");
              }
            });
    return out;
  }

  /**
   * A string map written as a YAML mapping or, as Meshery stores headers and cookies, as a JSON
   * object inside a string.
   */
  Map<String, String> stringMap(String... names) {
    Map<String, String> out = new LinkedHashMap<>();
    Optional<Node> found = node(names);
    if (found.isEmpty()) {
      return out;
    }
    Node node = found.get();
    if (node instanceof MappingNode map) {
      for (NodeTuple tuple : map.getValue()) {
        if (tuple.getKeyNode() instanceof ScalarNode k
            && tuple.getValueNode() instanceof ScalarNode v) {
          out.put(k.getValue(), v.getValue());
        } else {
          error(lineOf(tuple.getKeyNode()), names[0] + " values must be single values");
        }
      }
    } else if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
      try {
        JSON.readTree(scalar.getValue())
            .properties()
            .forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        if (!JSON.readTree(scalar.getValue()).isObject()) {
          error(lineOf(node), names[0] + " must be a JSON object of strings");
        }
      } catch (JacksonException e) {
        error(
            lineOf(node),
            names[0]
                + " is not valid JSON: "
                + e.getOriginalMessage().lines().findFirst().orElse(""));
      }
    } else if (!(node instanceof ScalarNode)) {
      error(lineOf(node), names[0] + " must be a mapping or a JSON object string");
    }
    return out;
  }
}
