package dev.meshplay.gitops.perf.external;

import dev.meshplay.gitops.perf.load.ErrorCounts;
import dev.meshplay.gitops.perf.load.Latencies;
import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.load.LoadModel;
import dev.meshplay.gitops.perf.load.LoadSpec;
import dev.meshplay.gitops.perf.load.Measurement;
import dev.meshplay.gitops.perf.load.ScheduleHealth;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads Nighthawk's JSON output: the {@code global} result's {@code
 * benchmark_http_client.request_to_response} statistic gives the latencies (proto durations such as
 * {@code "0.000512s"}, percentiles as fractions), its counters the status classes and failures, and
 * the {@code sequencer.blocking} statistic how often the rate could not be held.
 */
final class NighthawkOutput {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String LATENCY = "benchmark_http_client.request_to_response";
  private static final String BLOCKING = "sequencer.blocking";

  private NighthawkOutput() {}

  static Measurement parse(String json, LoadSpec spec, Instant started, String commandLine)
      throws LoadGeneratorException {
    JsonNode global = global(read(json));
    JsonNode latency = statistic(global, LATENCY);
    if (latency.isMissingNode()) {
      throw new LoadGeneratorException(
          "nighthawk output has no " + LATENCY + " statistic: no request was answered");
    }
    Map<String, Long> counters = new TreeMap<>();
    global.path("counters").forEach(c -> counters.put(c.path("name").asString(), number(c)));
    ErrorCounts errors =
        new ErrorCounts(
            counters.getOrDefault("upstream_cx_connect_fail", 0L),
            counters.getOrDefault("upstream_cx_connect_timeout", 0L)
                + counters.getOrDefault("upstream_rq_timeout", 0L),
            counters.getOrDefault("benchmark.stream_resets", 0L),
            // Nighthawk counts status classes, not codes: both land under "status_other".
            statusOther(
                counters.getOrDefault("benchmark.http_4xx", 0L)
                    + counters.getOrDefault("benchmark.http_5xx", 0L)));
    long answered = number(latency.path("count"));
    long requests = answered + errors.connect() + errors.timeout() + errors.io();
    Duration measured = duration(global.path("execution_duration"), "execution_duration");
    Instant start = instant(global.path("execution_start")).orElse(started);
    double seconds = measured.toNanos() / 1e9;
    return new Measurement(
        "nighthawk",
        Map.of("command", commandLine, "connections", Integer.toString(spec.connections())),
        LoadModel.THROTTLED_CLOSED_LOOP,
        start,
        start.plus(measured),
        requests,
        seconds > 0 ? requests / seconds : 0,
        latencies(latency),
        Optional.empty(),
        Optional.empty(),
        errors,
        schedule(global, spec, seconds, counters.getOrDefault("benchmark.pool_overflow", 0L)));
  }

  private static JsonNode read(String json) throws LoadGeneratorException {
    try {
      return JSON.readTree(json.substring(Math.max(0, json.indexOf('{'))));
    } catch (JacksonException e) {
      throw new LoadGeneratorException(
          "nighthawk printed no JSON result: " + e.getOriginalMessage(), e);
    }
  }

  /** The {@code global} result (workers' results are its parts), else the only one. */
  private static JsonNode global(JsonNode root) throws LoadGeneratorException {
    JsonNode results = root.path("results");
    for (JsonNode result : results) {
      if ("global".equals(result.path("name").asString())) {
        return result;
      }
    }
    if (results.size() == 1) {
      return results.get(0);
    }
    throw new LoadGeneratorException("nighthawk output has no \"global\" result");
  }

  private static JsonNode statistic(JsonNode result, String id) {
    for (JsonNode statistic : result.path("statistics")) {
      if (id.equals(statistic.path("id").asString())) {
        return statistic;
      }
    }
    return MissingNode.getInstance();
  }

  private static Latencies latencies(JsonNode latency) throws LoadGeneratorException {
    return new Latencies(
        millis(latency.path("min"), "min"),
        millis(latency.path("mean"), "mean"),
        percentile(latency, 0.5),
        percentile(latency, 0.9),
        percentile(latency, 0.99),
        percentile(latency, 0.999),
        millis(latency.path("max"), "max"));
  }

  /** The first listed percentile at or above {@code p}; NaN when the list stops short. */
  private static double percentile(JsonNode latency, double p) throws LoadGeneratorException {
    for (JsonNode entry : latency.path("percentiles")) {
      if (entry.path("percentile").asDouble() >= p - 1e-9) {
        return millis(entry.path("duration"), "percentiles[].duration");
      }
    }
    return Double.NaN;
  }

  /**
   * Nighthawk reports blocked sequencer ticks (no free connection or CPU) instead of late slots:
   * each counts as one late slot of the {@code qps × seconds} scheduled.
   */
  private static ScheduleHealth schedule(
      JsonNode global, LoadSpec spec, double seconds, long poolOverflow)
      throws LoadGeneratorException {
    JsonNode blocking = statistic(global, BLOCKING);
    long late = blocking.isMissingNode() ? 0 : number(blocking.path("count"));
    Duration blocked =
        late == 0 ? Duration.ZERO : duration(blocking.path("mean"), "mean").multipliedBy(late);
    long slots = Math.round(spec.qps() * seconds);
    return ScheduleHealth.judge(
        slots,
        late,
        Math.min(late, poolOverflow),
        0,
        blocked,
        spec.maxLateFraction(),
        spec.connections(),
        spec.qps());
  }

  private static Map<Integer, Long> statusOther(long n) {
    return n == 0 ? Map.of() : Map.of(0, n);
  }

  private static double millis(JsonNode value, String field) throws LoadGeneratorException {
    return duration(value, field).toNanos() / 1e6;
  }

  /** A proto3 JSON duration: decimal seconds with an {@code s} suffix. */
  static Duration duration(JsonNode value, String field) throws LoadGeneratorException {
    String text = value.asString("");
    if (!text.endsWith("s")) {
      throw new LoadGeneratorException(
          "nighthawk output: " + field + " is not a duration (\"" + text + "\")");
    }
    try {
      return Duration.ofNanos(
          new BigDecimal(text.substring(0, text.length() - 1)).movePointRight(9).longValueExact());
    } catch (ArithmeticException | NumberFormatException e) {
      throw new LoadGeneratorException(
          "nighthawk output: " + field + " is not a duration (\"" + text + "\")", e);
    }
  }

  private static Optional<Instant> instant(JsonNode value) {
    try {
      return value.isString() ? Optional.of(Instant.parse(value.asString())) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** proto3 JSON writes 64-bit integers as strings. */
  private static long number(JsonNode node) {
    JsonNode value = node.has("value") ? node.path("value") : node;
    return value.isNumber() ? value.asLong() : Long.parseLong(value.asString("0"));
  }
}
