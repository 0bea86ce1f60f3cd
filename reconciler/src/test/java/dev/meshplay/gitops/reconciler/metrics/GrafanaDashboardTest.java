package dev.meshplay.gitops.reconciler.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.bench.BenchmarkResults;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shipped Grafana dashboard only queries metrics the daemon really exports. */
class GrafanaDashboardTest {
  private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "meshplay-gitops.json");
  private static final Pattern METRIC =
      Pattern.compile("\\b((?:meshplay_gitops|jvm|process)_[a-zA-Z0-9_]+)\\b");

  @Test
  void everyQueryNamesAnExportedMetric() throws Exception {
    Set<String> exported = exportedSampleNames();
    Set<String> queried = queriedMetrics();

    assertThat(queried).as("metrics the dashboard queries").isNotEmpty();
    assertThat(exported).as("metrics the daemon exports").containsAll(queried);
  }

  @Test
  void theDashboardChartsSyncsDriftPollingAndBenchmarks() throws Exception {
    assertThat(queriedMetrics())
        .contains(
            "meshplay_gitops_sync_runs_total",
            "meshplay_gitops_sync_duration_seconds_bucket",
            "meshplay_gitops_drifted_objects",
            "meshplay_gitops_git_poll_duration_seconds_bucket",
            "meshplay_gitops_git_poll_errors_total",
            "meshplay_gitops_benchmark_latency_p99_seconds",
            "meshplay_gitops_benchmark_requests_per_second",
            "meshplay_gitops_benchmark_passed");
  }

  private static Set<String> queriedMetrics() throws Exception {
    JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
    Set<String> names = new TreeSet<>();
    List<JsonNode> queries = new java.util.ArrayList<>(dashboard.findValues("expr"));
    queries.addAll(dashboard.path("templating").findValues("query"));
    for (JsonNode query : queries) {
      Matcher m = METRIC.matcher(query.asString());
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  // Names as they appear in the exposition: what a PromQL query has to use.
  private static Set<String> exportedSampleNames() {
    GitOpsMetrics metrics = new GitOpsMetrics(Clock.systemUTC());
    StateMetrics.register(metrics.registry(), new StatusStore(), new BenchmarkResults());
    Set<String> names = new HashSet<>();
    for (MetricSnapshot snapshot : metrics.registry().scrape()) {
      String name = snapshot.getMetadata().getPrometheusName();
      switch (snapshot) {
        case CounterSnapshot c -> names.add(name + "_total");
        case HistogramSnapshot h ->
            names.addAll(List.of(name + "_bucket", name + "_sum", name + "_count"));
        case SummarySnapshot s -> names.addAll(List.of(name, name + "_sum", name + "_count"));
        case InfoSnapshot i -> names.add(name + "_info");
        default -> names.add(name);
      }
    }
    return names;
  }
}
