package dev.meshplay.gitops.reconciler.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads {@code meshplay.yaml}. Every mistake is a {@link SettingsException} naming the line and
 * column of the offending key or value, so a bad settings file is reported, not guessed at.
 *
 * <pre>
 * spec:
 *   targets: [{name: prod}, {matchLabels: {env: staging}}]
 *   prune: true
 *   selfHeal: true
 *   maxPruneShare: 0.5
 *   ignoreDifferences: [{kind: Deployment, paths: [.spec.replicas]}]
 *   adopt: unowned
 *   designs:
 *     designs/webapp.yaml: {suspend: true, dependsOn: [designs/database.yaml]}
 * </pre>
 */
public final class SettingsReader {
  private static final Set<String> DESIGN_KEYS =
      Set.of(
          "targets",
          "suspend",
          "selfHeal",
          "prune",
          "allowMassPrune",
          "force",
          "dependsOn",
          "adopt");

  private SettingsReader() {}

  public static RepositorySettings read(String text) {
    Node root;
    try {
      LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).build();
      Optional<Node> node =
          new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)))
              .getSingleNode();
      if (node.isEmpty()) {
        return RepositorySettings.none();
      }
      root = node.get();
    } catch (MarkedYamlEngineException e) {
      String where =
          e.getProblemMark().map(m -> (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse("1:1");
      throw new SettingsException(RepositorySettings.FILE + ":" + where + ": " + e.getProblem());
    }
    Map<String, Node> top = mapping(root, Set.of("apiVersion", "kind", "metadata", "spec"));
    expect(top, "apiVersion", "gitops.meshplay.dev/v1alpha1");
    expect(top, "kind", "Repository");
    if (!top.containsKey("spec")) {
      return RepositorySettings.none();
    }
    Map<String, Node> spec =
        mapping(
            top.get("spec"),
            Set.of(
                "targets",
                "demoTarget",
                "interval",
                "prune",
                "selfHeal",
                "suspend",
                "allowMassPrune",
                "force",
                "adopt",
                "maxPruneShare",
                "ignoreDifferences",
                "designs"));
    DesignSettings defaults = design(spec, DesignSettings.defaults());
    Map<String, DesignSettings> designs = new LinkedHashMap<>();
    if (spec.containsKey("designs")) {
      for (NodeTuple entry : mappingNode(spec.get("designs")).getValue()) {
        designs.put(
            scalar(entry.getKeyNode()),
            design(mapping(entry.getValueNode(), DESIGN_KEYS), defaults));
      }
    }
    double share = spec.containsKey("maxPruneShare") ? share(spec.get("maxPruneShare")) : 0.5;
    return new RepositorySettings(
        defaults,
        designs,
        ignores(spec.get("ignoreDifferences")),
        share,
        demoTargetLatency(spec.get("demoTarget")));
  }

  /** {@code demoTarget: {latency: 5ms}}: what the demo's benchmark target should answer in. */
  private static java.time.Duration demoTargetLatency(Node node) {
    if (node == null) {
      return null;
    }
    Map<String, Node> demo = mapping(node, Set.of("latency"));
    if (!demo.containsKey("latency")) {
      return null;
    }
    var m = java.util.regex.Pattern.compile("(\\d+)(ms|s)").matcher(scalar(demo.get("latency")));
    if (!m.matches()) {
      throw error(demo.get("latency"), "latency must be like 5ms or 1s");
    }
    long n = Long.parseLong(m.group(1));
    return m.group(2).equals("s")
        ? java.time.Duration.ofSeconds(n)
        : java.time.Duration.ofMillis(n);
  }

  private static DesignSettings design(Map<String, Node> m, DesignSettings base) {
    return new DesignSettings(
        m.containsKey("targets") ? targets(m.get("targets")) : base.targets(),
        bool(m, "suspend", base.suspend()),
        bool(m, "selfHeal", base.selfHeal()),
        bool(m, "prune", base.prune()),
        bool(m, "allowMassPrune", base.allowMassPrune()),
        bool(m, "force", base.force()),
        m.containsKey("dependsOn") ? dependencies(m.get("dependsOn")) : List.of(),
        m.containsKey("adopt") ? adopt(m.get("adopt")) : base.adopt());
  }

  /** {@code dependsOn: [designs/db.yaml, cache]}: not inherited from the repository defaults. */
  private static List<DesignSettings.Dependency> dependencies(Node node) {
    List<DesignSettings.Dependency> dependencies = new ArrayList<>();
    for (Node item : sequence(node)) {
      dependencies.add(new DesignSettings.Dependency(scalar(item), where(item)));
    }
    return dependencies;
  }

  private static AdoptPolicy adopt(Node node) {
    AdoptPolicy policy = AdoptPolicy.named(scalar(node));
    if (policy == null) {
      throw error(node, "adopt must be unowned or foreign, not '" + scalar(node) + "'");
    }
    return policy;
  }

  private static List<TargetSelector> targets(Node node) {
    List<TargetSelector> targets = new ArrayList<>();
    for (Node item : sequence(node)) {
      Map<String, Node> t = mapping(item, Set.of("name", "matchLabels"));
      Map<String, String> labels = new LinkedHashMap<>();
      if (t.containsKey("matchLabels")) {
        for (NodeTuple label : mappingNode(t.get("matchLabels")).getValue()) {
          labels.put(scalar(label.getKeyNode()), scalar(label.getValueNode()));
        }
      }
      if (!t.containsKey("name") && labels.isEmpty()) {
        throw error(item, "a target needs a name or matchLabels");
      }
      targets.add(new TargetSelector(t.containsKey("name") ? scalar(t.get("name")) : null, labels));
    }
    return targets;
  }

  private static List<IgnoreRule> ignores(Node node) {
    List<IgnoreRule> rules = new ArrayList<>();
    if (node == null) {
      return rules;
    }
    for (Node item : sequence(node)) {
      Map<String, Node> r = mapping(item, Set.of("kind", "paths"));
      if (!r.containsKey("kind") || !r.containsKey("paths")) {
        throw error(item, "an ignoreDifferences entry needs kind and paths");
      }
      List<String> paths = new ArrayList<>();
      for (Node path : sequence(r.get("paths"))) {
        String p = scalar(path);
        if (!p.startsWith(".")) {
          throw error(path, "a path starts with '.', like .spec.replicas");
        }
        paths.add(p);
      }
      rules.add(new IgnoreRule(scalar(r.get("kind")), paths));
    }
    return rules;
  }

  private static double share(Node node) {
    try {
      double value = Double.parseDouble(scalar(node));
      if (value > 0 && value <= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(node, "maxPruneShare must be a number above 0 and at most 1");
  }

  private static boolean bool(Map<String, Node> m, String key, boolean fallback) {
    if (!m.containsKey(key)) {
      return fallback;
    }
    String value = scalar(m.get(key));
    if (!value.equals("true") && !value.equals("false")) {
      throw error(m.get(key), key + " must be true or false, not '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  private static Map<String, Node> mapping(Node node, Set<String> known) {
    Map<String, Node> result = new LinkedHashMap<>();
    for (NodeTuple tuple : mappingNode(node).getValue()) {
      String key = scalar(tuple.getKeyNode());
      if (!known.contains(key)) {
        throw error(
            tuple.getKeyNode(),
            "unknown setting '"
                + key
                + "' (known: "
                + String.join(", ", known.stream().sorted().toList())
                + ")");
      }
      // The composer does not check duplicates; silently letting the later one win hides a typo.
      if (result.put(key, tuple.getValueNode()) != null) {
        throw error(tuple.getKeyNode(), "duplicate key '" + key + "'");
      }
    }
    return result;
  }

  /** A file meant for another tool (or a typo in the header) must not be read as ours. */
  private static void expect(Map<String, Node> top, String key, String value) {
    if (top.containsKey(key) && !value.equals(scalar(top.get(key)))) {
      throw error(top.get(key), key + " must be " + value);
    }
  }

  private static MappingNode mappingNode(Node node) {
    if (node instanceof MappingNode m) {
      return m;
    }
    throw error(node, "expected a map");
  }

  private static List<Node> sequence(Node node) {
    if (node instanceof SequenceNode s) {
      return s.getValue();
    }
    throw error(node, "expected a list");
  }

  private static String scalar(Node node) {
    if (node instanceof ScalarNode s) {
      return s.getValue();
    }
    throw error(node, "expected a single value");
  }

  private static SettingsException error(Node node, String message) {
    return new SettingsException(where(node) + ": " + message);
  }

  private static String where(Node node) {
    return RepositorySettings.FILE
        + ":"
        + node.getStartMark().map(m -> (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse("1:1");
  }
}
