package dev.meshplay.gitops.policies.policy;

import dev.meshplay.gitops.render.Diagnostic;
import dev.meshplay.gitops.render.Provenance;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;

/**
 * The policy part of a repository's {@code meshplay.yaml}: {@code spec.policies.disable}, a list of
 * {@code {rule, design, reason}}. The rest of the file belongs to the reconciler.
 */
public final class RepositorySettings {
  private RepositorySettings() {}

  /** The disables, and problems with them (a disable without a reason is not honoured). */
  public record Parsed(List<RuleDisable> disables, List<Diagnostic> diagnostics) {}

  public static Parsed parse(String file, String text) {
    List<RuleDisable> disables = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    try {
      var node = new Compose(LoadSettings.builder().setLabel(file).build()).composeString(text);
      if (node.isEmpty() || !(node.get() instanceof MappingNode root)) {
        return new Parsed(disables, problems);
      }
      YamlDocument spec = new YamlDocument(root).mapping("spec");
      YamlDocument policies = spec == null ? null : spec.mapping("policies");
      if (policies == null) {
        return new Parsed(disables, problems);
      }
      for (YamlDocument entry : policies.mappings("disable")) {
        String rule = entry.text("rule");
        String reason = entry.text("reason");
        if (rule == null || rule.isBlank()) {
          problems.add(Diagnostic.error(file, entry.line(), 0, "a policy disable needs 'rule'"));
        } else if (reason == null || reason.isBlank()) {
          problems.add(
              Diagnostic.error(
                  file,
                  entry.line(),
                  0,
                  "disabling rule '" + rule + "' needs a 'reason'; the rule stays in force"));
        } else {
          disables.add(
              new RuleDisable(
                  rule, entry.text("design"), reason.strip(), new Provenance(file, entry.line())));
        }
      }
    } catch (YamlEngineException e) {
      problems.add(Diagnostic.error(file, 0, 0, "invalid YAML: " + e.getMessage()));
    }
    return new Parsed(disables, problems);
  }
}
