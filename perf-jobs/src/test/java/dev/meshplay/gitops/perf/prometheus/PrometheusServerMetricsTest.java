package dev.meshplay.gitops.perf.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshplay.gitops.perf.BenchmarkRunner;
import dev.meshplay.gitops.perf.Benchmarks;
import dev.meshplay.gitops.perf.demo.DemoTarget;
import dev.meshplay.gitops.perf.load.ProgressListener;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.profile.ProfileReader;
import dev.meshplay.gitops.perf.profile.ProfileReading;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real Prometheus scraping a real node-exporter, both from Debian's packages, started
 * here on the loopback: the CPU and memory of the machine over a window of load are read back.
 */
class PrometheusServerMetricsTest {
  @TempDir Path tmp;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void nodeCpuAndMemoryOverALoadedWindowAreReadFromPrometheus() throws Exception {
    URI prometheus = startPrometheus();

    Instant start = Instant.now();
    burnCpu(Duration.ofSeconds(6));
    Instant end = Instant.now();
    Thread.sleep(1500); // the last scrape of the window

    ResourceUsage usage =
        new PrometheusQueries(prometheus).collect(PrometheusQueries.NODE, start, end);

    Map<String, ResourceUsage.Series> byName = new java.util.HashMap<>();
    usage.series().forEach(s -> byName.put(s.name(), s));
    assertThat(byName.get("cpu_cores").samples()).isGreaterThan(2);
    assertThat(byName.get("cpu_cores").max()).isGreaterThan(0.2);
    assertThat(byName.get("memory_bytes").average()).isGreaterThan(1e6);
    assertThat(usage.source()).isEqualTo(prometheus.toString());
  }

  @Test
  void eachRunOfAServerMetricsRunnerCarriesTheServersCpuAndMemory() throws Exception {
    URI prometheus = startPrometheus();
    List<String> warnings = new ArrayList<>();
    try (DemoTarget target = DemoTarget.start(DemoTarget.Settings.loopback())) {
      BenchmarkRunner runner =
          new ServerMetricsRunner(
              Benchmarks.standard(), new PrometheusQueries(prometheus), warnings::add);

      BenchmarkResult result = runner.run(profile(target), ProgressListener.NONE);

      assertThat(warnings).isEmpty();
      assertThat(result.serverMetrics()).isNotNull();
      assertThat(result.serverMetrics().source()).isEqualTo(prometheus.toString());
      assertThat(result.serverMetrics().series())
          .extracting(ResourceUsage.Series::name)
          .containsExactlyInAnyOrder("cpu_cores", "memory_bytes");
    }
  }

  @Test
  void anUnreachablePrometheusCostsTheFiguresButNotTheRun() throws Exception {
    URI nowhere = URI.create("http://127.0.0.1:" + freePort());
    List<String> warnings = new ArrayList<>();
    try (DemoTarget target = DemoTarget.start(DemoTarget.Settings.loopback())) {
      BenchmarkRunner runner =
          new ServerMetricsRunner(
              Benchmarks.standard(), new PrometheusQueries(nowhere), warnings::add);

      BenchmarkResult result = runner.run(profile(target), ProgressListener.NONE);

      assertThat(result.requests()).isPositive();
      assertThat(result.serverMetrics()).isNull();
      assertThat(warnings).singleElement().asString().contains("probe", nowhere.toString());
    }
  }

  private static BenchmarkProfile profile(DemoTarget target) {
    String yaml =
        "name: probe\nendpoints: [%s]\nconcurrentRequest: 2\nqps: 50\nduration: 2s\n"
            .formatted(target.uri("/"));
    return ((ProfileReading.Accepted) new ProfileReader().read("benchmarks/probe.yaml", yaml))
        .profile();
  }

  @Test
  void anUnreachablePrometheusIsAnErrorNamingIt() throws Exception {
    URI nowhere = URI.create("http://127.0.0.1:" + freePort());

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new PrometheusQueries(nowhere)
                    .collect(PrometheusQueries.NODE, Instant.now().minusSeconds(5), Instant.now()))
        .isInstanceOf(IOException.class);
  }

  /** Starts node-exporter and a Prometheus scraping it every second; skips without them. */
  private URI startPrometheus() throws Exception {
    assumeTrue(
        onPath("prometheus") && onPath("prometheus-node-exporter"),
        "prometheus and prometheus-node-exporter (Debian packages) are needed");
    int exporterPort = freePort();
    int prometheusPort = freePort();
    start("prometheus-node-exporter", "--web.listen-address=127.0.0.1:" + exporterPort);
    Path config = tmp.resolve("prometheus.yml");
    Files.writeString(
        config,
        """
        global: {scrape_interval: 1s}
        scrape_configs:
          - job_name: node
            static_configs: [{targets: ["127.0.0.1:%d"]}]
        """
            .formatted(exporterPort));
    start(
        "prometheus",
        "--config.file=" + config,
        "--storage.tsdb.path=" + tmp.resolve("data"),
        "--web.listen-address=127.0.0.1:" + prometheusPort);
    URI prometheus = URI.create("http://127.0.0.1:" + prometheusPort);
    await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(() -> get(prometheus.resolve("/api/v1/query?query=up")).contains("\"1\"]"));
    return prometheus;
  }

  private static void burnCpu(Duration duration) {
    long until = System.nanoTime() + duration.toNanos();
    double x = 0;
    while (System.nanoTime() < until) {
      x += Math.sqrt(x + 1);
    }
    assertThat(x).isPositive();
  }

  private void start(String... command) throws IOException {
    processes.add(
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve(Path.of(command[0]).getFileName() + ".log").toFile())
            .start());
  }

  private static String get(URI uri) throws Exception {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean onPath(String binary) {
    for (String dir : System.getenv("PATH").split(":")) {
      if (Files.isExecutable(Path.of(dir, binary))) {
        return true;
      }
    }
    return false;
  }
}
