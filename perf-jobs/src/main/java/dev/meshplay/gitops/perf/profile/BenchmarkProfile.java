package dev.meshplay.gitops.perf.profile;

import dev.meshplay.gitops.perf.regression.RegressionSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A benchmark as read from a file: the load to send, how long, what must hold, and when to run.
 *
 * @param id the profile's id: the file's {@code id} when given, otherwise a UUID derived from the
 *     source path and name, so results of one profile share it across runs
 * @param source the path the profile was read from (repository-relative for Git files)
 * @param loadGenerator {@code builtin}, {@code wrk}, {@code wrk2}, {@code hey}, {@code fortio} or
 *     {@code nighthawk}
 * @param connections concurrent connections
 * @param qps requests per second over all connections; 0 means as fast as possible (closed loop)
 * @param duration the measured run length, after {@code warmup}
 * @param timeout per-request timeout
 * @param method the HTTP method: {@code GET}, or {@code POST} when a body is given and no method
 * @param thresholds conditions a run must meet; empty when none
 * @param target the system under test; the first endpoint's URL when none is named
 * @param generatorOptions extra command-line options for an external generator (Meshery's {@code
 *     additional_options}); empty when none
 * @param regression the baseline and the bounds its runs are judged with
 * @param canary true for a profile against a target that does not change with the designs: its
 *     shifts tell environment drift from product change for the other profiles of the source
 */
public record BenchmarkProfile(
    String id,
    String name,
    String source,
    Dialect dialect,
    String loadGenerator,
    List<URI> endpoints,
    int connections,
    double qps,
    Duration duration,
    Duration warmup,
    Duration timeout,
    String method,
    Map<String, String> headers,
    Map<String, String> cookies,
    String body,
    String contentType,
    Optional<CronSchedule> schedule,
    List<Threshold> thresholds,
    Target target,
    Map<String, String> labels,
    String generatorOptions,
    RegressionSettings regression,
    boolean canary) {

  /** The generator used when a profile names none. */
  public static final String BUILTIN = "builtin";

  public BenchmarkProfile {
    if (id == null || id.isBlank()) {
      id =
          UUID.nameUUIDFromBytes((source + "#" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
    endpoints = List.copyOf(endpoints);
    headers = Map.copyOf(headers);
    cookies = Map.copyOf(cookies);
    thresholds = List.copyOf(thresholds);
    labels = Map.copyOf(labels);
  }

  /** True when requests are paced at {@code qps} (open loop), false when sent back to back. */
  public boolean openLoop() {
    return qps > 0;
  }

  /** A copy with another endpoint list, e.g. after the daemon resolved a Service target. */
  public BenchmarkProfile withEndpoints(List<URI> newEndpoints) {
    return new BenchmarkProfile(
        id,
        name,
        source,
        dialect,
        loadGenerator,
        newEndpoints,
        connections,
        qps,
        duration,
        warmup,
        timeout,
        method,
        headers,
        cookies,
        body,
        contentType,
        schedule,
        thresholds,
        target,
        labels,
        generatorOptions,
        regression,
        canary);
  }

  /** A copy with another load, e.g. for {@code bench run --qps --duration} overrides. */
  public BenchmarkProfile withLoad(int newConnections, double newQps, Duration newDuration) {
    return new BenchmarkProfile(
        id,
        name,
        source,
        dialect,
        loadGenerator,
        endpoints,
        newConnections,
        newQps,
        newDuration,
        warmup,
        timeout,
        method,
        headers,
        cookies,
        body,
        contentType,
        schedule,
        thresholds,
        target,
        labels,
        generatorOptions,
        regression,
        canary);
  }
}
