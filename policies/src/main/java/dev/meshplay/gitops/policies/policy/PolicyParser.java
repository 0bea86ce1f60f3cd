package dev.meshplay.gitops.policies.policy;

import dev.meshplay.gitops.policies.Enforcement;
import dev.meshplay.gitops.policies.labels.LabelSelector;
import dev.meshplay.gitops.render.Diagnostic;
import dev.meshplay.gitops.render.Provenance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads policy documents from one YAML file (several documents per file are allowed). Every problem
 * becomes an error diagnostic with the file and line; a bad document never stops the good ones in
 * the same file.
 */
public final class PolicyParser {
  public static final String API_VERSION = "policies.meshplay.dev/v1alpha1";
  private static final Pattern ID = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Set<String> KEYS =
      Set.of(
          "apiVersion",
          "kind",
          "id",
          "title",
          "description",
          "severity",
          "match",
          "expression",
          "message",
          "messageExpression",
          "reference");

  private PolicyParser() {}

  /** What one file yields. */
  public record Parsed(List<Policy> policies, List<Diagnostic> diagnostics) {}

  public static Parsed parse(String file, String text) {
    List<Policy> policies = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    try {
      for (Node node :
          new Compose(LoadSettings.builder().setLabel(file).build()).composeAllFromString(text)) {
        if (!(node instanceof MappingNode mapping)) {
          problems.add(
              Diagnostic.error(file, YamlDocument.lineOf(node), 0, "a policy must be a mapping"));
          continue;
        }
        Policy policy = policy(file, new YamlDocument(mapping), problems);
        if (policy != null) {
          policies.add(policy);
        }
      }
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      problems.add(Diagnostic.error(file, line, 0, "invalid YAML: " + e.getProblem()));
    } catch (YamlEngineException e) {
      problems.add(Diagnostic.error(file, 0, 0, "invalid YAML: " + e.getMessage()));
    }
    return new Parsed(policies, problems);
  }

  private static Policy policy(String file, YamlDocument doc, List<Diagnostic> problems) {
    int before = problems.size();
    if (!API_VERSION.equals(doc.text("apiVersion")) || !"Policy".equals(doc.text("kind"))) {
      problems.add(
          error(
              file,
              doc,
              "apiVersion",
              "expected apiVersion: " + API_VERSION + " and kind: Policy"));
    }
    for (String key : doc.keys()) {
      if (!KEYS.contains(key)) {
        problems.add(
            error(
                file,
                doc,
                key,
                "unknown field '"
                    + key
                    + "' (allowed: "
                    + String.join(", ", KEYS.stream().sorted().toList())
                    + ")"));
      }
    }
    String id = doc.text("id");
    if (id == null || !ID.matcher(id).matches()) {
      problems.add(
          error(
              file,
              doc,
              "id",
              "id must be lower-case letters, digits and dashes, got '" + id + "'"));
    }
    Enforcement severity = Enforcement.parse(doc.text("severity"));
    if (severity == null) {
      problems.add(
          error(
              file,
              doc,
              "severity",
              "severity must be deny or warn, got '" + doc.text("severity") + "'"));
    }
    for (String required : List.of("expression", "message")) {
      String value = doc.text(required);
      if (value == null || value.isBlank()) {
        problems.add(error(file, doc, required, required + " is required"));
      }
    }
    Match match = match(file, doc, problems);
    if (problems.size() > before) {
      return null;
    }
    String title = doc.text("title");
    return new Policy(
        id,
        title == null ? id : title,
        doc.text("description"),
        severity,
        match,
        doc.text("expression"),
        doc.line("expression"),
        doc.text("message").strip(),
        doc.text("messageExpression"),
        doc.line("messageExpression"),
        doc.text("reference"),
        new Provenance(file, doc.line()));
  }

  private static Match match(String file, YamlDocument doc, List<Diagnostic> problems) {
    YamlDocument match = doc.mapping("match");
    if (match == null) {
      if (doc.has("match")) {
        problems.add(error(file, doc, "match", "match must be a mapping"));
      }
      return Match.ANY;
    }
    for (String key : match.keys()) {
      if (!Set.of("kinds", "namespaces", "labelSelector").contains(key)) {
        problems.add(
            error(
                file,
                match,
                key,
                "unknown match field '" + key + "' (allowed: kinds, namespaces, labelSelector)"));
      }
    }
    LabelSelector selector = LabelSelector.fromTree(match.plain("labelSelector"));
    return new Match(strings(match.plain("kinds")), strings(match.plain("namespaces")), selector);
  }

  private static Set<String> strings(Object tree) {
    if (tree instanceof Collection<?> list) {
      return Set.copyOf(list.stream().map(String::valueOf).toList());
    }
    return tree == null || tree instanceof Map<?, ?> ? Set.of() : Set.of(String.valueOf(tree));
  }

  private static Diagnostic error(String file, YamlDocument doc, String key, String message) {
    return Diagnostic.error(file, doc.line(key), 0, message);
  }
}
