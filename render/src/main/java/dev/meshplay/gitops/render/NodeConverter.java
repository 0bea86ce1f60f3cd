package dev.meshplay.gitops.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Turns the engine's node graph into a {@link YamlNode} tree. The composer shares one node for
 * every alias of an anchor, so the graph can be tiny while its expansion is huge (the "billion
 * laughs"): expansion is counted against a budget, cycles are refused, and so are duplicate keys,
 * which Kubernetes tooling would resolve silently to the last value, and tags other than the
 * standard ones ({@link StandardTags}).
 */
final class NodeConverter {
  private static final Set<Tag> CONSTRUCTED = Set.of(Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL);

  private final StandardConstructor scalars;
  private final int maxDepth;
  private final Set<Node> path = Collections.newSetFromMap(new IdentityHashMap<>());
  private long budget;

  NodeConverter(LoadSettings settings, int maxDepth, long maxNodes) {
    this.scalars = new StandardConstructor(settings);
    this.maxDepth = maxDepth;
    this.budget = maxNodes;
  }

  YamlNode convert(Node node) throws YamlException {
    YamlNode.Position position = position(node);
    if (--budget < 0) {
      throw new YamlException(position, "too many values after expanding aliases (alias bomb?)");
    }
    if (path.size() >= maxDepth) {
      throw new YamlException(position, "nesting deeper than " + maxDepth + " levels");
    }
    if (!path.add(node)) {
      throw new YamlException(position, "recursive alias: a value that contains itself");
    }
    checkTag(node, position);
    try {
      return switch (node) {
        case ScalarNode scalar -> new YamlNode.Scalar(scalarValue(scalar), position);
        case SequenceNode sequence -> sequence(sequence, position);
        case MappingNode mapping -> mapping(mapping, position);
        default -> throw new YamlException(position, "unsupported YAML node " + node);
      };
    } finally {
      path.remove(node);
    }
  }

  private YamlNode sequence(SequenceNode node, YamlNode.Position position) throws YamlException {
    List<YamlNode> items = new ArrayList<>(node.getValue().size());
    for (Node item : node.getValue()) {
      items.add(convert(item));
    }
    return new YamlNode.Sequence(Collections.unmodifiableList(items), position);
  }

  private YamlNode mapping(MappingNode node, YamlNode.Position position) throws YamlException {
    Map<String, YamlNode.Mapping.Entry> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : node.getValue()) {
      YamlNode.Position keyPosition = position(tuple.getKeyNode());
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw new YamlException(keyPosition, "mapping keys must be plain values");
      }
      checkTag(key, keyPosition);
      YamlNode.Mapping.Entry previous = entries.get(key.getValue());
      if (previous != null) {
        throw new YamlException(
            keyPosition,
            "duplicate key \""
                + key.getValue()
                + "\" (first at line "
                + previous.keyPosition().line()
                + ")");
      }
      entries.put(
          key.getValue(), new YamlNode.Mapping.Entry(keyPosition, convert(tuple.getValueNode())));
    }
    return new YamlNode.Mapping(Collections.unmodifiableMap(entries), position);
  }

  private static void checkTag(Node node, YamlNode.Position position) throws YamlException {
    var problem = StandardTags.problem(node);
    if (problem.isPresent()) {
      throw new YamlException(position, problem.get());
    }
  }

  /** Numbers, booleans and nulls by the YAML 1.2 core schema; every other tag stays text. */
  private Object scalarValue(ScalarNode node) throws YamlException {
    if (!CONSTRUCTED.contains(node.getTag())) {
      return node.getValue();
    }
    try {
      return scalars.constructSingleDocument(Optional.of(node));
    } catch (YamlEngineException e) {
      throw new YamlException(
          position(node), "invalid " + node.getTag() + " value \"" + node.getValue() + "\"");
    }
  }

  private static YamlNode.Position position(Node node) {
    return node.getStartMark().map(NodeConverter::position).orElse(new YamlNode.Position(1, 1));
  }

  static YamlNode.Position position(Mark mark) {
    return new YamlNode.Position(mark.getLine() + 1, mark.getColumn() + 1);
  }
}
