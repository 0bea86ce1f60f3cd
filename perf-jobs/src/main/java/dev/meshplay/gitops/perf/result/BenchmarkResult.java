package dev.meshplay.gitops.perf.result;

import dev.meshplay.gitops.perf.load.ErrorCounts;
import dev.meshplay.gitops.perf.load.Latencies;
import dev.meshplay.gitops.perf.load.LoadModel;
import dev.meshplay.gitops.perf.load.Measurement;
import dev.meshplay.gitops.perf.load.ScheduleHealth;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.prometheus.ResourceUsage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One run's result, in the spirit of SMP's {@code PerformanceTestResult} but with real values: a
 * fresh {@code id}, the profile's {@code testId}, the environment's {@code envId}, and the full
 * histograms so later tools can re-derive any percentile.
 *
 * @param labels the profile's labels plus {@code target}
 * @param generatorOptions the generator's effective options
 * @param passed every threshold holds and the run is valid
 * @param serverMetrics node CPU and memory from Prometheus over the run, or null when none was
 *     configured
 * @param responseHistogram response time in microseconds, HdrHistogram compressed base64; empty
 *     when the generator exposes no histogram
 * @param serviceHistogram service time, the same way
 * @param intervalHistograms response time per period of about a second, encoded the same way; empty
 *     for generators without them and for results written before they were kept
 */
public record BenchmarkResult(
    String smpVersion,
    String id,
    String testId,
    String envId,
    String name,
    String source,
    Map<String, String> labels,
    Instant startTime,
    Instant endTime,
    double actualQps,
    long requests,
    double errorRate,
    ErrorCounts errors,
    Latencies latencies,
    String loadGenerator,
    LoadModel loadModel,
    Map<String, String> generatorOptions,
    ScheduleHealth validity,
    List<ThresholdOutcome> thresholds,
    boolean passed,
    Environment environment,
    String responseHistogram,
    String serviceHistogram,
    ResourceUsage serverMetrics,
    List<String> intervalHistograms) {

  public static final String SMP_VERSION = "v0.0.1";

  public BenchmarkResult {
    labels = Map.copyOf(labels);
    generatorOptions = Map.copyOf(generatorOptions);
    thresholds = List.copyOf(thresholds);
    intervalHistograms = List.copyOf(intervalHistograms);
  }

  /** This result with what Prometheus saw of the system under test during the run. */
  public BenchmarkResult withServerMetrics(ResourceUsage usage) {
    return with(envId, environment, usage);
  }

  /**
   * This result with the cluster its Service target ran in; the environment id changes with it, so
   * runs against different clusters are never compared.
   */
  public BenchmarkResult withKubernetes(Environment.Cluster cluster) {
    Environment env = environment.withKubernetes(cluster);
    return with(env.id(), env, serverMetrics);
  }

  /** This result with another environment and server metrics; the rest is kept. */
  private BenchmarkResult with(String newEnvId, Environment env, ResourceUsage usage) {
    return new BenchmarkResult(
        smpVersion,
        id,
        testId,
        newEnvId,
        name,
        source,
        labels,
        startTime,
        endTime,
        actualQps,
        requests,
        errorRate,
        errors,
        latencies,
        loadGenerator,
        loadModel,
        generatorOptions,
        validity,
        thresholds,
        passed,
        env,
        responseHistogram,
        serviceHistogram,
        usage,
        intervalHistograms);
  }

  /** The result of running {@code profile} as {@code measurement} in {@code environment}. */
  public static BenchmarkResult of(
      BenchmarkProfile profile, Measurement measurement, Environment environment) {
    List<ThresholdOutcome> outcomes =
        profile.thresholds().stream().map(t -> ThresholdOutcome.judge(t, measurement)).toList();
    Map<String, String> labels = new LinkedHashMap<>(profile.labels());
    labels.put("target", profile.target().describe());
    boolean passed =
        measurement.schedule().valid() && outcomes.stream().allMatch(ThresholdOutcome::pass);
    return new BenchmarkResult(
        SMP_VERSION,
        UUID.randomUUID().toString(),
        profile.id(),
        environment.id(),
        profile.name(),
        profile.source(),
        labels,
        measurement.start(),
        measurement.end(),
        measurement.actualQps(),
        measurement.requests(),
        measurement.errorRate(),
        measurement.errors(),
        measurement.latencies(),
        measurement.generator(),
        measurement.model(),
        measurement.options(),
        measurement.schedule(),
        outcomes,
        passed,
        environment,
        measurement.responseTime().map(HistogramCodec::encode).orElse(""),
        measurement.serviceTime().map(HistogramCodec::encode).orElse(""),
        null,
        measurement.intervals().stream().map(HistogramCodec::encode).toList());
  }
}
