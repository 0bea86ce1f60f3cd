package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.perf.result.BenchmarkResult;
import dev.meshplay.gitops.reconciler.bench.BenchmarkResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The {@code /api/v1/benchmarks} document (docs/api.md). */
final class BenchmarksJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private BenchmarksJson() {}

  static String of(BenchmarkResults benchmarks) {
    List<Object> profiles = new ArrayList<>();
    for (BenchmarkResults.ProfileStatus p : benchmarks.profiles()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("source", p.source());
      m.put("id", p.profileId());
      m.put("name", p.name());
      m.put("file", p.file());
      m.put("nextRun", p.nextRun() == null ? null : p.nextRun().toString());
      m.put("lastError", p.lastError());
      m.put("verdict", p.verdict() == null ? null : verdict(p));
      m.put("results", p.recent().stream().map(BenchmarksJson::result).toList());
      profiles.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("profiles", profiles);
    root.put("problems", benchmarks.problems());
    return MAPPER.writeValueAsString(root);
  }

  private static Map<String, Object> verdict(BenchmarkResults.ProfileStatus p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", p.verdict().kind().word());
    m.put("reason", p.verdict().reason());
    List<Object> effects = new ArrayList<>();
    for (var e : p.verdict().effects()) {
      effects.add(
          new LinkedHashMap<>(
              Map.of(
                  "metric", e.metric(),
                  "change", e.estimate(),
                  "low", e.low(),
                  "high", e.high(),
                  "confidence", e.confidence())));
    }
    m.put("effects", effects);
    Map<String, Object> charts = new LinkedHashMap<>();
    p.charts().keySet().stream()
        .sorted()
        .forEach(c -> charts.put(c, BenchmarksPage.chartUrl(p.source(), p.profileId(), c)));
    m.put("charts", charts);
    return m;
  }

  private static Map<String, Object> result(BenchmarkResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("start", r.startTime().toString());
    m.put("end", r.endTime().toString());
    m.put("actual_qps", r.actualQps());
    m.put("requests", r.requests());
    m.put("error_rate", r.errorRate());
    m.put("p50_ms", r.latencies().p50());
    m.put("p90_ms", r.latencies().p90());
    m.put("p99_ms", r.latencies().p99());
    m.put("passed", r.passed());
    return m;
  }
}
