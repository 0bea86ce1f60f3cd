package dev.meshplay.gitops.policies.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML mapping that remembers where each key's value starts, so policy errors can name a
 * file:line. Values come out as plain strings, lists and maps.
 */
final class YamlDocument {
  private final Map<String, Node> values = new LinkedHashMap<>();
  private final int line;

  YamlDocument(MappingNode node) {
    this.line = lineOf(node);
    for (NodeTuple tuple : node.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key) {
        values.put(key.getValue(), tuple.getValueNode());
      }
    }
  }

  /** 1-based line of the document's first key. */
  int line() {
    return line;
  }

  java.util.Set<String> keys() {
    return values.keySet();
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  /** A scalar value, or null when absent or not a scalar. */
  String text(String key) {
    return values.get(key) instanceof ScalarNode s ? s.getValue() : null;
  }

  /**
   * The line where the key's content starts: for a block scalar ({@code |} or {@code >}) that is
   * the line after the indicator.
   */
  int line(String key) {
    Node node = values.get(key);
    if (node == null) {
      return line;
    }
    boolean block =
        node instanceof ScalarNode s
            && (s.getScalarStyle() == ScalarStyle.LITERAL
                || s.getScalarStyle() == ScalarStyle.FOLDED);
    return lineOf(node) + (block ? 1 : 0);
  }

  /** The value as plain Java: maps, lists and strings; null when absent. */
  Object plain(String key) {
    Node node = values.get(key);
    return node == null ? null : plain(node);
  }

  YamlDocument mapping(String key) {
    return values.get(key) instanceof MappingNode m ? new YamlDocument(m) : null;
  }

  List<YamlDocument> mappings(String key) {
    List<YamlDocument> out = new ArrayList<>();
    if (values.get(key) instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        if (item instanceof MappingNode m) {
          out.add(new YamlDocument(m));
        }
      }
    }
    return out;
  }

  static Object plain(Node node) {
    return switch (node) {
      case ScalarNode s -> s.getValue();
      case SequenceNode seq -> seq.getValue().stream().map(YamlDocument::plain).toList();
      case MappingNode map -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
          out.put(String.valueOf(plain(t.getKeyNode())), plain(t.getValueNode()));
        }
        yield out;
      }
      default -> null;
    };
  }

  static int lineOf(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
  }
}
