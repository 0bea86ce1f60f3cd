package dev.meshplay.gitops.policies.sarif;

import dev.meshplay.gitops.policies.Enforcement;
import dev.meshplay.gitops.policies.Finding;
import dev.meshplay.gitops.policies.Findings;
import dev.meshplay.gitops.policies.PolicyRule;
import dev.meshplay.gitops.render.Diagnostic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes findings as a SARIF 2.1.0 log that GitHub code scanning accepts: one run, the rules in
 * force as {@code tool.driver.rules}, one result per finding located at the object's file and line
 * (relative to {@code %SRCROOT%}), disabled findings as suppressed results, and policy load
 * problems as tool execution notifications.
 */
public final class SarifWriter {
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String toolVersion;

  public SarifWriter(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  public String write(Findings findings) {
    ObjectNode log = JSON.createObjectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "meshplay-gitops");
    driver.put("version", toolVersion);
    driver.put("informationUri", "https://github.com/meshplay/gitops");
    Map<String, Integer> ruleIndex = rules(driver.putArray("rules"), findings.rules());
    ArrayNode results = run.putArray("results");
    for (Finding f : findings.findings()) {
      result(results.addObject(), f, ruleIndex.get(f.ruleId()));
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    ArrayNode notes = invocation.putArray("toolExecutionNotifications");
    for (Diagnostic d : findings.diagnostics()) {
      ObjectNode note = notes.addObject();
      note.put("level", d.isError() ? "error" : "warning");
      note.putObject("message").put("text", d.message());
      if (!d.file().startsWith("builtin:")) {
        location(note.putArray("locations").addObject(), d.file(), d.line());
      }
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(log);
  }

  private static Map<String, Integer> rules(ArrayNode array, List<PolicyRule> rules) {
    Map<String, Integer> index = new HashMap<>();
    for (PolicyRule rule : rules) {
      index.put(rule.id(), array.size());
      ObjectNode node = array.addObject();
      node.put("id", rule.id());
      node.put("name", pascalCase(rule.id()));
      node.putObject("shortDescription").put("text", rule.title());
      if (rule.description() != null) {
        node.putObject("fullDescription").put("text", rule.description().strip());
      }
      if (rule.reference() != null) {
        node.put("helpUri", rule.reference());
      }
      node.putObject("defaultConfiguration").put("level", level(rule.severity()));
      ObjectNode properties = node.putObject("properties");
      properties.putArray("tags").add("kubernetes").add(rule.severity().word());
      properties.put("source", rule.source().toString());
    }
    return index;
  }

  private static void result(ObjectNode node, Finding f, Integer ruleIndex) {
    node.put("ruleId", f.ruleId());
    if (ruleIndex != null) {
      node.put("ruleIndex", ruleIndex);
    }
    node.put("level", level(f.severity()));
    node.putObject("message").put("text", f.object() + ": " + f.message());
    ObjectNode location = node.putArray("locations").addObject();
    location(location, f.location().file(), f.location().line());
    ObjectNode logical = location.putArray("logicalLocations").addObject();
    logical.put("fullyQualifiedName", f.object().toString());
    logical.put("kind", "object");
    node.putObject("properties").put("design", f.design());
    if (!f.active()) {
      ObjectNode suppression = node.putArray("suppressions").addObject();
      suppression.put("kind", "external");
      suppression.put("justification", f.disabledBecause());
    }
  }

  private static void location(ObjectNode location, String file, int line) {
    ObjectNode physical = location.putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", file);
    artifact.put("uriBaseId", "%SRCROOT%");
    // SARIF lines are 1-based; a problem with the whole file is placed on its first line.
    physical.putObject("region").put("startLine", Math.max(line, 1));
  }

  private static String level(Enforcement severity) {
    return severity == Enforcement.DENY ? "error" : "warning";
  }

  private static String pascalCase(String id) {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("-")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }
}
