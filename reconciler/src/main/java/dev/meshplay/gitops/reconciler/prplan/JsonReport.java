package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.policies.Finding;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.render.ObjectRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan as JSON, for scripts and the web layer: the fields are spelled out here rather than
 * derived from the records, so renaming a Java field never changes the document.
 */
public final class JsonReport {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private JsonReport() {}

  public static String render(PullRequestPlan plan) {
    return JSON.writeValueAsString(document(plan));
  }

  public static Map<String, Object> document(PullRequestPlan plan) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("source", plan.source());
    doc.put("id", plan.id());
    doc.put("ref", plan.ref());
    doc.put("head", plan.head());
    doc.put("base", plan.base());
    doc.put("plannedAt", plan.plannedAt().toString());
    doc.put("sandbox", plan.sandbox());
    doc.put("summary", plan.summary());
    doc.put("hasChanges", plan.hasChanges());
    doc.put("failed", plan.failed());
    doc.put("settingsError", plan.settingsError());
    doc.put("clusterError", plan.clusterError());
    doc.put("designs", plan.designs().stream().map(JsonReport::design).toList());
    doc.put(
        "baseChanges",
        plan.baseDeltas().stream()
            .map(
                d ->
                    Map.of(
                        "design", d.design(),
                        "object", ref(d.ref()),
                        "kind", d.kind().name().toLowerCase(Locale.ROOT),
                        "diffs", diffs(d.diffs())))
            .toList());
    return doc;
  }

  private static Map<String, Object> design(DesignPlan d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("design", d.design());
    out.put("cluster", d.cluster());
    out.put("heldBecause", d.heldBecause());
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Action action : Action.values()) {
      counts.put(action.name().toLowerCase(Locale.ROOT), d.count(action));
    }
    out.put("counts", counts);
    out.put("errors", d.errors().stream().map(Object::toString).toList());
    out.put("findings", d.findings().stream().map(JsonReport::finding).toList());
    out.put(
        "changes",
        d.changes().stream()
            .map(
                c -> {
                  Map<String, Object> change = new LinkedHashMap<>();
                  change.put("object", ref(c.ref()));
                  change.put("action", c.action().name().toLowerCase(Locale.ROOT));
                  change.put("location", c.provenance() == null ? null : c.provenance().toString());
                  change.put("diffs", diffs(c.diffs()));
                  change.put("note", c.note());
                  return change;
                })
            .toList());
    return out;
  }

  private static Map<String, Object> finding(Finding f) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rule", f.ruleId());
    out.put("severity", f.severity().word());
    out.put("object", f.object() == null ? null : f.object().toString());
    out.put("location", f.location() == null ? null : f.location().toString());
    out.put("message", f.message());
    return out;
  }

  private static List<Map<String, Object>> diffs(List<FieldDiff> diffs) {
    return diffs.stream()
        .map(
            d -> {
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("path", d.path());
              out.put("old", d.before());
              out.put("new", d.after());
              return out;
            })
        .toList();
  }

  private static String ref(ObjectRef ref) {
    return ref.toString();
  }
}
