package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.policies.Finding;
import dev.meshplay.gitops.reconciler.status.ClusterStatus;
import dev.meshplay.gitops.reconciler.status.CommitInfo;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.ObjectStatus;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.render.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /api/v1/status} document. Built as explicit maps, not by serialising the records, so
 * renaming a Java field can never silently change the API (docs/api.md is the contract).
 */
public final class StatusJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private StatusJson() {}

  public static String of(List<SourceStatus> sources) {
    Map<String, Object> root = new LinkedHashMap<>();
    List<Object> sourceList = new ArrayList<>();
    List<Object> designList = new ArrayList<>();
    for (SourceStatus source : sources) {
      sourceList.add(source(source));
      for (ClusterStatus cluster : source.clusters()) {
        for (DesignStatus design : cluster.designs()) {
          designList.add(design(source, cluster, design));
        }
      }
    }
    root.put("sources", sourceList);
    root.put("designs", designList);
    return MAPPER.writeValueAsString(root);
  }

  static String write(Object document) {
    return MAPPER.writeValueAsString(document);
  }

  private static final JsonMapper COMPACT = JsonMapper.builder().build();

  /** On one line: for the data lines of the event stream. */
  static String compact(Object document) {
    return COMPACT.writeValueAsString(document);
  }

  private static Map<String, Object> source(SourceStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("url", s.url());
    m.put("branch", s.branch());
    m.put("lastAppliedCommit", s.applied() == null ? null : s.applied().id());
    m.put("applied", commit(s.applied()));
    m.put("head", commit(s.head()));
    m.put("lastSync", s.lastSync() == null ? null : s.lastSync().toString());
    m.put("error", s.error());
    m.put("clusters", s.clusters().stream().map(StatusJson::cluster).toList());
    return m;
  }

  private static Map<String, Object> cluster(ClusterStatus c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.cluster());
    m.put("lastAppliedCommit", c.applied() == null ? null : c.applied().id());
    m.put("lastSync", c.lastSync() == null ? null : c.lastSync().toString());
    m.put("error", c.error());
    m.put("lastPass", pass(c));
    return m;
  }

  /** When the last pass of a source into a cluster began and ended, and how long it took. */
  private static Map<String, Object> pass(ClusterStatus c) {
    if (c.lastSync() == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("started", c.lastPassStarted() == null ? null : c.lastPassStarted().toString());
    m.put("finished", c.lastSync().toString());
    m.put(
        "durationSeconds",
        c.lastPassDuration() == null ? null : c.lastPassDuration().toMillis() / 1000.0);
    return m;
  }

  static Map<String, Object> commit(CommitInfo c) {
    if (c == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("message", c.message());
    m.put("author", c.author());
    m.put("time", c.time().toString());
    return m;
  }

  static Map<String, Object> design(SourceStatus source, ClusterStatus cluster, DesignStatus d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", d.name());
    m.put("source", source.name());
    m.put("cluster", cluster.cluster());
    m.put("path", d.key());
    m.put("format", d.format().name());
    m.put("status", d.state().label());
    m.put("message", SecretRedaction.message(d));
    m.put("relationships", d.relationships());
    m.put("diagnostics", d.diagnostics().stream().map(StatusJson::diagnostic).toList());
    m.put("findings", d.findings().stream().map(StatusJson::finding).toList());
    m.put("counts", ActionCounts.of(d));
    m.put("lastPass", pass(cluster));
    m.put("objects", d.objects().stream().map(StatusJson::object).toList());
    return m;
  }

  private static Map<String, Object> finding(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", f.ruleId());
    m.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
    m.put("object", f.object() == null ? null : f.object().toString());
    m.put("location", f.location() == null ? null : f.location().toString());
    m.put("message", f.message());
    m.put("disabled", f.disabledBecause());
    return m;
  }

  private static Map<String, Object> diagnostic(Diagnostic d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("severity", d.severity().word());
    m.put("file", d.file());
    m.put("line", d.line());
    m.put("column", d.column());
    m.put("message", d.message());
    return m;
  }

  private static Map<String, Object> object(ObjectStatus o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("apiVersion", o.ref().apiVersion());
    m.put("kind", o.ref().kind());
    m.put("namespace", o.ref().namespace());
    m.put("name", o.ref().name());
    m.put("action", o.action().name());
    m.put("drift", o.drift());
    m.put("source", o.provenance() == null ? null : o.provenance().toString());
    m.put("health", o.health() == null ? null : o.health().state().name());
    m.put("healthMessage", o.health() == null ? null : o.health().message());
    m.put("error", SecretRedaction.error(o));
    m.put("adopted", o.adopted());
    return m;
  }
}
