package dev.meshplay.gitops.perf.load;

import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The load to send: what every generator needs from a profile, nothing about schedules or
 * thresholds.
 *
 * @param qps requests per second over all connections; 0 runs a closed loop as fast as possible
 * @param threads event loops of the built-in generator; 0 means one per core
 * @param lateTolerance how late a slot may be sent before it counts as late
 * @param maxLateFraction late plus missed slots allowed before an open-loop run is invalid
 */
public record LoadSpec(
    List<URI> endpoints,
    String method,
    Map<String, String> headers,
    Map<String, String> cookies,
    String body,
    String contentType,
    int connections,
    double qps,
    Duration duration,
    Duration warmup,
    Duration timeout,
    int threads,
    Duration lateTolerance,
    double maxLateFraction,
    String generatorOptions) {

  public static final Duration DEFAULT_LATE_TOLERANCE = Duration.ofMillis(5);
  public static final double DEFAULT_MAX_LATE_FRACTION = 0.05;

  public LoadSpec {
    endpoints = List.copyOf(endpoints);
    headers = Map.copyOf(headers);
    cookies = Map.copyOf(cookies);
    if (endpoints.isEmpty() || connections < 1 || qps < 0) {
      throw new IllegalArgumentException("a load needs an endpoint, a connection and qps >= 0");
    }
  }

  /** The load a profile describes. */
  public static LoadSpec of(BenchmarkProfile p) {
    return new LoadSpec(
        p.endpoints(),
        p.method(),
        p.headers(),
        p.cookies(),
        p.body(),
        p.contentType(),
        p.connections(),
        p.qps(),
        p.duration(),
        p.warmup(),
        p.timeout(),
        0,
        DEFAULT_LATE_TOLERANCE,
        DEFAULT_MAX_LATE_FRACTION,
        p.generatorOptions());
  }

  /** A GET load with defaults: no warm-up, 10 s timeout, one thread per core. */
  public static LoadSpec get(URI endpoint, int connections, double qps, Duration duration) {
    return new LoadSpec(
        List.of(endpoint),
        "GET",
        Map.of(),
        Map.of(),
        "",
        "",
        connections,
        qps,
        duration,
        Duration.ZERO,
        Duration.ofSeconds(10),
        0,
        DEFAULT_LATE_TOLERANCE,
        DEFAULT_MAX_LATE_FRACTION,
        "");
  }

  public LoadSpec withWarmup(Duration newWarmup) {
    return new LoadSpec(
        endpoints,
        method,
        headers,
        cookies,
        body,
        contentType,
        connections,
        qps,
        duration,
        newWarmup,
        timeout,
        threads,
        lateTolerance,
        maxLateFraction,
        generatorOptions);
  }

  public LoadSpec withTimeout(Duration newTimeout) {
    return new LoadSpec(
        endpoints,
        method,
        headers,
        cookies,
        body,
        contentType,
        connections,
        qps,
        duration,
        warmup,
        newTimeout,
        threads,
        lateTolerance,
        maxLateFraction,
        generatorOptions);
  }

  public LoadSpec withThreads(int newThreads) {
    return new LoadSpec(
        endpoints,
        method,
        headers,
        cookies,
        body,
        contentType,
        connections,
        qps,
        duration,
        warmup,
        timeout,
        newThreads,
        lateTolerance,
        maxLateFraction,
        generatorOptions);
  }

  public LoadSpec withLateTolerance(Duration tolerance) {
    return new LoadSpec(
        endpoints,
        method,
        headers,
        cookies,
        body,
        contentType,
        connections,
        qps,
        duration,
        warmup,
        timeout,
        threads,
        tolerance,
        maxLateFraction,
        generatorOptions);
  }

  public LoadSpec withMaxLateFraction(double fraction) {
    return new LoadSpec(
        endpoints,
        method,
        headers,
        cookies,
        body,
        contentType,
        connections,
        qps,
        duration,
        warmup,
        timeout,
        threads,
        lateTolerance,
        fraction,
        generatorOptions);
  }

  public boolean openLoop() {
    return qps > 0;
  }
}
