package dev.meshplay.gitops.render;

import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The YAML tags a manifest or design may carry: the standard ones of the JSON-like data Kubernetes
 * reads ({@code !!str}, {@code !!int}, {@code !!map}, …). A local tag ({@code !vault x}) or a
 * language tag ({@code !!python/object:…}) asks for a meaning this reader would not give it, so it
 * is refused rather than read as plain data.
 */
final class StandardTags {
  private static final Map<Tag, Class<? extends Node>> NODE_OF_TAG =
      Map.of(
          Tag.STR, ScalarNode.class,
          Tag.INT, ScalarNode.class,
          Tag.FLOAT, ScalarNode.class,
          Tag.BOOL, ScalarNode.class,
          Tag.NULL, ScalarNode.class,
          Tag.BINARY, ScalarNode.class,
          Tag.SEQ, SequenceNode.class,
          Tag.MAP, MappingNode.class);

  private StandardTags() {}

  /** Why the node's tag is refused; empty for a standard tag on the kind of node it fits. */
  static Optional<String> problem(Node node) {
    Tag tag = node.getTag();
    Class<? extends Node> fits = NODE_OF_TAG.get(tag);
    if (fits == null) {
      return Optional.of(
          "tag "
              + shortForm(tag)
              + " is not supported: manifests and designs take only the standard tags"
              + " (!!str, !!int, !!float, !!bool, !!null, !!binary, !!seq, !!map)");
    }
    if (!fits.isInstance(node)) {
      return Optional.of("tag " + shortForm(tag) + " cannot mark " + what(node));
    }
    return Optional.empty();
  }

  private static String shortForm(Tag tag) {
    String value = tag.getValue();
    return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
  }

  private static String what(Node node) {
    return switch (node) {
      case MappingNode m -> "a mapping";
      case SequenceNode s -> "a sequence";
      default -> "a single value";
    };
  }
}
