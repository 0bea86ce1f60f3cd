package dev.meshplay.gitops.perf.result;

import dev.meshplay.gitops.perf.load.ErrorCounts;
import dev.meshplay.gitops.perf.load.Latencies;
import dev.meshplay.gitops.perf.load.LoadModel;
import dev.meshplay.gitops.perf.load.ScheduleHealth;
import dev.meshplay.gitops.perf.prometheus.ResourceUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A result as the plain tree both YAML and JSON write, with SMP's snake_case names. */
final class ResultDocument {

  private ResultDocument() {}

  static Map<String, Object> toTree(BenchmarkResult r) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("smp_version", r.smpVersion());
    t.put("id", r.id());
    t.put("test_id", r.testId());
    t.put("env_id", r.envId());
    t.put("name", r.name());
    t.put("source", r.source());
    t.put("labels", new LinkedHashMap<>(r.labels()));
    t.put("start_time", r.startTime().toString());
    t.put("end_time", r.endTime().toString());
    t.put("actual_qps", round(r.actualQps()));
    t.put("requests", r.requests());
    t.put("error_rate", r.errorRate());
    t.put("errors", r.errors().asMap());
    Latencies l = r.latencies();
    Map<String, Object> lat = new LinkedHashMap<>();
    lat.put("min", orNull(l.min()));
    lat.put("average", orNull(round(l.average())));
    lat.put("p50", orNull(l.p50()));
    lat.put("p90", orNull(l.p90()));
    lat.put("p99", orNull(l.p99()));
    lat.put("p99.9", orNull(l.p999()));
    lat.put("max", orNull(l.max()));
    t.put("latencies_ms", lat);
    Map<String, Object> gen = new LinkedHashMap<>();
    gen.put("name", r.loadGenerator());
    gen.put("model", r.loadModel().key());
    gen.put("coordinated_omission_corrected", r.loadModel().coordinatedOmissionCorrected());
    gen.put("options", new LinkedHashMap<>(r.generatorOptions()));
    t.put("load_generator", gen);
    ScheduleHealth v = r.validity();
    Map<String, Object> validity = new LinkedHashMap<>();
    validity.put("valid", v.valid());
    validity.put("reason", v.reason());
    validity.put("slots", v.slots());
    validity.put("late_slots", v.lateSlots());
    validity.put("waited_for_connection", v.waitedForConnection());
    validity.put("missed_slots", v.missedSlots());
    validity.put("blocked_ms", v.blocked().toMillis());
    t.put("validity", validity);
    List<Object> thresholds = new ArrayList<>();
    for (ThresholdOutcome o : r.thresholds()) {
      thresholds.add(
          new LinkedHashMap<>(
              Map.of("threshold", o.threshold(), "actual", round(o.actual()), "pass", o.pass())));
    }
    t.put("thresholds", thresholds);
    t.put("passed", r.passed());
    t.put("environment", environment(r.environment()));
    Map<String, Object> histogram = new LinkedHashMap<>();
    histogram.put("encoding", "hdrhistogram-compressed-base64");
    histogram.put("unit", "microseconds");
    histogram.put("response_time", r.responseHistogram());
    histogram.put("service_time", r.serviceHistogram());
    if (!r.intervalHistograms().isEmpty()) {
      histogram.put("response_time_intervals", r.intervalHistograms());
    }
    t.put("histogram", histogram);
    if (r.serverMetrics() != null) {
      t.put("server_metrics", serverMetrics(r.serverMetrics()));
    }
    return t;
  }

  private static Map<String, Object> serverMetrics(ResourceUsage usage) {
    List<Object> series = new ArrayList<>();
    for (ResourceUsage.Series s : usage.series()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", s.name());
      m.put("query", s.query());
      m.put("samples", s.samples());
      m.put("average", s.average());
      m.put("max", s.max());
      series.add(m);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("prometheus", usage.source());
    m.put("series", series);
    return m;
  }

  @SuppressWarnings("unchecked")
  private static ResourceUsage serverMetricsFrom(Object value) {
    if (!(value instanceof Map<?, ?> m)) {
      return null;
    }
    List<ResourceUsage.Series> series = new ArrayList<>();
    for (Object item : (List<Object>) m.get("series")) {
      Map<String, Object> s = (Map<String, Object>) item;
      series.add(
          new ResourceUsage.Series(
              (String) s.get("name"),
              (String) s.get("query"),
              ((Number) s.get("samples")).intValue(),
              ((Number) s.get("average")).doubleValue(),
              ((Number) s.get("max")).doubleValue()));
    }
    return new ResourceUsage((String) m.get("prometheus"), series);
  }

  private static Map<String, Object> environment(Environment e) {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("hostname", e.hostname());
    env.put("cores", e.cores());
    env.put("memory_mb", e.memoryMb());
    env.put("os", e.os());
    env.put("jvm", e.jvm());
    e.kubernetes()
        .ifPresent(
            k -> {
              List<Object> nodes = new ArrayList<>();
              for (Environment.Node n : k.nodes()) {
                Map<String, Object> node = new LinkedHashMap<>();
                node.put("name", n.name());
                node.put("cores", n.cores());
                node.put("mem_mb", n.memoryMb());
                nodes.add(node);
              }
              Map<String, Object> cluster = new LinkedHashMap<>();
              cluster.put("kubernetes_version", k.version());
              cluster.put("nodes", nodes);
              env.put("kubernetes", cluster);
            });
    return env;
  }

  /** Null for a percentile the generator does not report (hey has no p99.9). */
  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }

  private static double latency(Map<String, Object> map, String key) {
    return map.get(key) == null ? Double.NaN : num(map, key);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  @SuppressWarnings("unchecked")
  static BenchmarkResult fromTree(Map<String, Object> t) {
    Map<String, Object> lat = (Map<String, Object>) t.get("latencies_ms");
    Map<String, Object> gen = (Map<String, Object>) t.get("load_generator");
    Map<String, Object> v = (Map<String, Object>) t.get("validity");
    Map<String, Object> h = (Map<String, Object>) t.get("histogram");
    List<ThresholdOutcome> thresholds = new ArrayList<>();
    for (Object o : (List<Object>) t.get("thresholds")) {
      Map<String, Object> m = (Map<String, Object>) o;
      thresholds.add(
          new ThresholdOutcome(
              (String) m.get("threshold"), num(m, "actual"), (Boolean) m.get("pass")));
    }
    return new BenchmarkResult(
        (String) t.get("smp_version"),
        (String) t.get("id"),
        (String) t.get("test_id"),
        (String) t.get("env_id"),
        (String) t.get("name"),
        (String) t.get("source"),
        strings((Map<String, Object>) t.get("labels")),
        Instant.parse((String) t.get("start_time")),
        Instant.parse((String) t.get("end_time")),
        num(t, "actual_qps"),
        (long) num(t, "requests"),
        num(t, "error_rate"),
        ErrorCounts.fromMap((Map<String, Number>) t.get("errors")),
        new Latencies(
            latency(lat, "min"),
            latency(lat, "average"),
            latency(lat, "p50"),
            latency(lat, "p90"),
            latency(lat, "p99"),
            latency(lat, "p99.9"),
            latency(lat, "max")),
        (String) gen.get("name"),
        LoadModel.valueOf(((String) gen.get("model")).toUpperCase(Locale.ROOT)),
        strings((Map<String, Object>) gen.get("options")),
        new ScheduleHealth(
            (long) num(v, "slots"),
            (long) num(v, "late_slots"),
            (long) num(v, "waited_for_connection"),
            (long) num(v, "missed_slots"),
            Duration.ofMillis((long) num(v, "blocked_ms")),
            (Boolean) v.get("valid"),
            (String) v.get("reason")),
        thresholds,
        (Boolean) t.get("passed"),
        environmentFrom((Map<String, Object>) t.get("environment")),
        (String) h.get("response_time"),
        (String) h.get("service_time"),
        serverMetricsFrom(t.get("server_metrics")),
        // Results written before intervals were kept have none: verdicts fall back to the series.
        h.get("response_time_intervals") instanceof List<?> intervals
            ? intervals.stream().map(String::valueOf).toList()
            : List.of());
  }

  @SuppressWarnings("unchecked")
  private static Environment environmentFrom(Map<String, Object> e) {
    Optional<Environment.Cluster> cluster = Optional.empty();
    if (e.get("kubernetes") instanceof Map<?, ?> k) {
      List<Environment.Node> nodes = new ArrayList<>();
      for (Object o : (List<Object>) k.get("nodes")) {
        Map<String, Object> n = (Map<String, Object>) o;
        nodes.add(
            new Environment.Node((String) n.get("name"), num(n, "cores"), (long) num(n, "mem_mb")));
      }
      cluster = Optional.of(new Environment.Cluster((String) k.get("kubernetes_version"), nodes));
    }
    return new Environment(
        (String) e.get("hostname"),
        (int) num(e, "cores"),
        (long) num(e, "memory_mb"),
        (String) e.get("os"),
        (String) e.get("jvm"),
        cluster);
  }

  private static double num(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException("result field " + key + " is not a number: " + value);
    }
    return n.doubleValue();
  }

  private static Map<String, String> strings(Map<String, Object> map) {
    Map<String, String> out = new LinkedHashMap<>();
    if (map != null) {
      map.forEach((k, v) -> out.put(k, String.valueOf(v)));
    }
    return out;
  }
}
