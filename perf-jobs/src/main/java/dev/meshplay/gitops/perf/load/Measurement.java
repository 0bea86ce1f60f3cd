package dev.meshplay.gitops.perf.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * What one run measured in its measured period (warm-up excluded).
 *
 * @param generator the generator's name
 * @param options the generator's effective options (connections, qps, threads, command line)
 * @param start start of the measured period
 * @param end end of the measured period, after in-flight requests drained
 * @param requests requests completed or failed in the measured period
 * @param actualQps {@code requests} per second of the measured period
 * @param latencies response time: from the intended send time in open loop, else service time
 * @param responseTime microseconds from each request's intended send time, when the generator
 *     exposes a full histogram
 * @param serviceTime microseconds from each request's actual send, when exposed
 * @param intervals response time per period of about a second, oldest first; empty when the
 *     generator does not expose them
 */
public record Measurement(
    String generator,
    Map<String, String> options,
    LoadModel model,
    Instant start,
    Instant end,
    long requests,
    double actualQps,
    Latencies latencies,
    Optional<Histogram> responseTime,
    Optional<Histogram> serviceTime,
    ErrorCounts errors,
    ScheduleHealth schedule,
    List<Histogram> intervals) {

  public Measurement {
    options = Map.copyOf(options);
    intervals = List.copyOf(intervals);
  }

  /** A measurement without per-interval histograms (external generators). */
  public Measurement(
      String generator,
      Map<String, String> options,
      LoadModel model,
      Instant start,
      Instant end,
      long requests,
      double actualQps,
      Latencies latencies,
      Optional<Histogram> responseTime,
      Optional<Histogram> serviceTime,
      ErrorCounts errors,
      ScheduleHealth schedule) {
    this(
        generator,
        options,
        model,
        start,
        end,
        requests,
        actualQps,
        latencies,
        responseTime,
        serviceTime,
        errors,
        schedule,
        List.of());
  }

  public Duration measured() {
    return Duration.between(start, end);
  }

  /** Failed requests (including error statuses) over all requests; 0 for no requests. */
  public double errorRate() {
    return requests == 0 ? 0 : (double) errors.total() / requests;
  }
}
