package dev.meshplay.gitops.perf.result;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.perf.load.ErrorCounts;
import dev.meshplay.gitops.perf.load.Latencies;
import dev.meshplay.gitops.perf.load.LoadModel;
import dev.meshplay.gitops.perf.load.Measurement;
import dev.meshplay.gitops.perf.load.ScheduleHealth;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.profile.ProfileReader;
import dev.meshplay.gitops.perf.profile.ProfileReading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Results are written with real ids and read back whole, histograms included. */
class ResultRoundTripTest {

  static BenchmarkResult sample() {
    Histogram response = new Histogram(1, 3_600_000_000L, 3);
    Histogram service = new Histogram(1, 3_600_000_000L, 3);
    for (int i = 1; i <= 10_000; i++) {
      response.recordValue(1000 + i);
      service.recordValue(500 + i);
    }
    BenchmarkProfile profile =
        ((ProfileReading.Accepted)
                new ProfileReader()
                    .read(
                        "benchmarks/r.yaml",
                        "name: r\nendpoints: [http://a/]\nqps: 100\nthresholds: ['p99 < 250ms',"
                            + " 'errorRate < 1%']\nserviceMesh: istio\n"))
            .profile();
    Instant start = Instant.parse("2026-11-22T02:00:00Z");
    Measurement m =
        new Measurement(
            "builtin",
            Map.of("connections", "4"),
            LoadModel.OPEN_LOOP,
            start,
            start.plusSeconds(30),
            10_003,
            333.4,
            Latencies.ofMicros(response),
            Optional.of(response),
            Optional.of(service),
            new ErrorCounts(1, 1, 0, Map.of(503, 200L)),
            ScheduleHealth.judge(10_000, 12, 10, 0, Duration.ofMillis(40), 0.05, 4, 100));
    Environment env =
        Environment.local()
            .withKubernetes(
                new Environment.Cluster("v1.32.0", List.of(new Environment.Node("n1", 4, 16000))));
    return BenchmarkResult.of(profile, m, env);
  }

  @ParameterizedTest
  @EnumSource(ResultFormat.class)
  void aResultReadsBackEqualToTheOneWritten(ResultFormat format) {
    BenchmarkResult result = sample();

    String text = format.write(result);
    BenchmarkResult back = format.read(text);

    assertThat(back)
        .usingRecursiveComparison()
        .ignoringFields("actualQps", "latencies.average", "thresholds")
        .isEqualTo(result);
    assertThat(back.actualQps()).isEqualTo(333.4);
    assertThat(back.thresholds()).extracting(ThresholdOutcome::pass).containsExactly(true, false);
  }

  @ParameterizedTest
  @EnumSource(ResultFormat.class)
  void serverMetricsFromPrometheusAreWrittenAndReadBack(ResultFormat format) {
    var usage =
        new dev.meshplay.gitops.perf.prometheus.ResourceUsage(
            "http://127.0.0.1:9090",
            List.of(
                new dev.meshplay.gitops.perf.prometheus.ResourceUsage.Series(
                    "cpu_cores", "sum(rate(node_cpu_seconds_total[5s]))", 7, 0.75, 1.5)));
    BenchmarkResult result = sample().withServerMetrics(usage);

    String text = format.write(result);

    assertThat(text).contains("server_metrics", "cpu_cores");
    assertThat(format.read(text).serverMetrics()).isEqualTo(usage);
    assertThat(format.read(format.write(sample())).serverMetrics()).isNull();
  }

  @Test
  void theDocumentHasRealIdsActualQpsAtTheTopAndTheFullHistogram() {
    BenchmarkResult result = sample();
    String json = ResultFormat.JSON.write(result);
    String yaml = ResultFormat.YAML.write(result);

    assertThat(json)
        .contains(
            "\"actual_qps\" : 333.4",
            "\"smp_version\" : \"v0.0.1\"",
            "\"p99.9\"",
            "\"status_503\" : 200",
            "\"coordinated_omission_corrected\" : true",
            "\"kubernetes_version\" : \"v1.32.0\"");
    assertThat(yaml).containsPattern("(?m)^actual_qps: 333.4$").contains("latencies_ms:");
    assertThat(result.id()).isNotEqualTo(sample().id()).matches("[0-9a-f-]{36}");
    assertThat(result.testId()).isEqualTo(sample().testId());
    assertThat(result.envId()).isEqualTo(sample().envId());
    Histogram decoded = HistogramCodec.decode(ResultFormat.YAML.read(yaml).responseHistogram());
    assertThat(decoded.getTotalCount()).isEqualTo(10_000);
    assertThat(decoded.getValueAtPercentile(99.9)).isBetween(10_980L, 11_000L);
  }

  @Test
  void aPercentileAGeneratorDoesNotReportIsWrittenAsNull() {
    BenchmarkResult r = sample();
    BenchmarkResult hey =
        new BenchmarkResult(
            r.smpVersion(),
            r.id(),
            r.testId(),
            r.envId(),
            r.name(),
            r.source(),
            r.labels(),
            r.startTime(),
            r.endTime(),
            r.actualQps(),
            r.requests(),
            r.errorRate(),
            r.errors(),
            new Latencies(1, 2, 3, 4, 5, Double.NaN, 6),
            "hey",
            LoadModel.CLOSED_LOOP,
            r.generatorOptions(),
            ScheduleHealth.UNSCHEDULED,
            r.thresholds(),
            r.passed(),
            r.environment(),
            "",
            "",
            null,
            List.of());

    String json = ResultFormat.JSON.write(hey);

    assertThat(json).contains("\"p99.9\" : null");
    assertThat(ResultFormat.JSON.read(json).latencies().p999()).isNaN();
  }
}
