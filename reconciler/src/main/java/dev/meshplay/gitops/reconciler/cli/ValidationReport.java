package dev.meshplay.gitops.reconciler.cli;

import dev.meshplay.gitops.policies.Enforcement;
import dev.meshplay.gitops.policies.Finding;
import dev.meshplay.gitops.policies.Findings;
import dev.meshplay.gitops.policies.PolicyRule;
import dev.meshplay.gitops.render.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The text and JSON forms of what {@code validate} found. */
final class ValidationReport {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private ValidationReport() {}

  /** One result for several paths: validation diagnostics join the policies' own. */
  static Findings merge(List<Findings> each, List<Diagnostic> validation) {
    List<Finding> findings = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>(validation);
    Map<String, PolicyRule> rules = new LinkedHashMap<>();
    for (Findings f : each) {
      findings.addAll(f.findings());
      diagnostics.addAll(f.diagnostics());
      f.rules().forEach(r -> rules.putIfAbsent(r.id(), r));
    }
    return new Findings(findings, diagnostics, List.copyOf(rules.values()));
  }

  /** Compiler-style lines, then a count. */
  static String text(Findings all) {
    StringBuilder out = new StringBuilder();
    all.diagnostics().forEach(d -> out.append(d).append('\n'));
    for (Finding f : all.findings()) {
      if (!f.active()) {
        continue;
      }
      String severity = f.severity() == Enforcement.DENY ? "error" : "warning";
      out.append(f.location() == null ? "-" : f.location().file())
          .append(':')
          .append(f.location() == null ? 1 : Math.max(f.location().line(), 1))
          .append(":1: ")
          .append(severity)
          .append(": [")
          .append(f.ruleId())
          .append("] ")
          .append(f.object())
          .append(": ")
          .append(f.message())
          .append('\n');
    }
    long errors =
        all.diagnostics().stream().filter(Diagnostic::isError).count()
            + all.findings().stream().filter(Finding::blocks).count();
    long warnings =
        all.diagnostics().size()
            - all.diagnostics().stream().filter(Diagnostic::isError).count()
            + all.findings().stream().filter(f -> f.active() && !f.blocks()).count();
    out.append(errors).append(" error(s), ").append(warnings).append(" warning(s)\n");
    return out.toString();
  }

  static String json(Findings all) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put(
        "diagnostics",
        all.diagnostics().stream()
            .map(
                d -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("severity", d.severity().word());
                  m.put("file", d.file());
                  m.put("line", d.line());
                  m.put("column", d.column());
                  m.put("message", d.message());
                  return m;
                })
            .toList());
    root.put(
        "findings",
        all.findings().stream()
            .map(
                f -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("rule", f.ruleId());
                  m.put("severity", f.severity().word());
                  m.put("object", String.valueOf(f.object()));
                  m.put("location", String.valueOf(f.location()));
                  m.put("message", f.message());
                  m.put("disabled", f.disabledBecause());
                  return m;
                })
            .toList());
    return MAPPER.writeValueAsString(root) + "\n";
  }
}
