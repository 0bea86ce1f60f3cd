package dev.meshplay.gitops.reconciler;

import dev.meshplay.gitops.perf.load.LoadSpec;
import dev.meshplay.gitops.perf.load.Measurement;
import dev.meshplay.gitops.perf.load.NettyLoadGenerator;
import dev.meshplay.gitops.perf.load.ProgressListener;
import dev.meshplay.gitops.reconciler.bench.BenchmarkResults;
import dev.meshplay.gitops.reconciler.metrics.GitOpsMetrics;
import dev.meshplay.gitops.reconciler.prplan.PullRequestPlan;
import dev.meshplay.gitops.reconciler.prplan.PullRequestPlans;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import dev.meshplay.gitops.reconciler.web.ServerParts;
import dev.meshplay.gitops.reconciler.web.StatusServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status server under load with {@code -Ddesigns} designs (default 1,000, five objects each) in
 * its store, manifests and a full events log: per route, the maximum throughput under {@code wrk}
 * (closed loop, when installed) and the p99 at a fixed 200 req/s from the built-in open-loop
 * generator (latency counted from each request's intended send time), then the heap the state keeps
 * and the process's RSS. The generator runs in the same JVM, so RSS includes it.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx256m ./mvnw -q -pl reconciler test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.meshplay.gitops.reconciler.PageBenchmark [-Ddesigns=1000] [-Drate=200]
 * </pre>
 */
public final class PageBenchmark {
  private static final PullRequestPlans NO_PULLS =
      new PullRequestPlans() {
        @Override
        public List<PullRequestPlan> all() {
          return List.of();
        }

        @Override
        public Optional<PullRequestPlan> find(String source, String ref) {
          return Optional.empty();
        }
      };

  private PageBenchmark() {}

  public static void main(String[] args) throws Exception {
    int designs = Integer.getInteger("designs", 1000);
    int rate = Integer.getInteger("rate", 200);
    int seconds = Integer.getInteger("seconds", 15);
    long heapBefore = heapAfterGc();
    PageFixtures.State state = PageFixtures.state(designs);
    StatusStore store = state.store();
    long heapLoaded = heapAfterGc();
    try (StatusServer server =
        StatusServer.start(
            "127.0.0.1",
            0,
            store,
            new BenchmarkResults(),
            new GitOpsMetrics(Clock.systemUTC()),
            null,
            NO_PULLS,
            new ServerParts(state.events(), state.manifests(), state.access()))) {
      String base = "http://127.0.0.1:" + server.port();
      String one = PageFixtures.designQuery(designs / 2);
      List<String> routes =
          List.of("/", "/api/v1/status", "/design?" + one, "/api/v1/design?" + one);
      System.out.printf(
          "%d designs, %d objects; load average %s%n",
          designs, designs * PageFixtures.OBJECTS, loadAverage());
      System.out.printf("state retained on the heap: %.1f MB%n", (heapLoaded - heapBefore) / 1e6);
      for (String route : routes) {
        URI uri = URI.create(base + route);
        int bytes = warmUp(uri);
        System.out.printf("%n%s  (%,d bytes)%n", route, bytes);
        wrk(uri, seconds);
        fixedRate(uri, rate, seconds);
      }
      System.out.printf(
          "%nheap in use after GC: %.1f MB; RSS %s (server, state and generator in one JVM)%n",
          heapAfterGc() / 1e6, rss());
    }
  }

  private static int warmUp(URI uri) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    int bytes = 0;
    for (int i = 0; i < 1500; i++) {
      HttpResponse<byte[]> res =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (res.statusCode() != 200) {
        throw new IllegalStateException(uri + " answered " + res.statusCode());
      }
      bytes = res.body().length;
    }
    return bytes;
  }

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");

  /** Closed loop: 2 threads, 16 connections. Skipped when wrk is not installed. */
  private static void wrk(URI uri, int seconds) throws Exception {
    Process p;
    try {
      p =
          new ProcessBuilder(
                  "wrk", "-t2", "-c16", "-d" + seconds + "s", "--latency", uri.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException notInstalled) {
      System.out.println("  wrk: not installed, skipped");
      return;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Matcher rps = RPS.matcher(out);
    Matcher p99 = P99.matcher(out);
    System.out.printf(
        "  wrk, closed loop, 16 connections: %s req/s, p99 %s%n",
        rps.find() ? rps.group(1) : "?", p99.find() ? p99.group(1) + " " + p99.group(2) : "?");
  }

  /** Open loop at {@code rate} req/s: latency from each request's intended send time. */
  private static void fixedRate(URI uri, int rate, int seconds) throws Exception {
    LoadSpec spec =
        LoadSpec.get(uri, 8, rate, Duration.ofSeconds(seconds)).withWarmup(Duration.ofSeconds(2));
    Measurement m = new NettyLoadGenerator().run(spec, ProgressListener.NONE);
    System.out.printf(
        "  built-in generator, open loop at %d req/s: %.1f req/s, p50 %.2f ms, p99 %.2f ms,"
            + " max %.2f ms, errors %d, schedule %s%n",
        rate,
        m.actualQps(),
        m.latencies().p50(),
        m.latencies().p99(),
        m.latencies().max(),
        m.errors().total(),
        m.schedule());
  }

  private static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String rss() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(l -> l.startsWith("VmRSS:"))
        .map(l -> l.substring(6).strip())
        .findFirst()
        .orElse("?");
  }

  private static String loadAverage() throws IOException {
    String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return parts[0] + " " + parts[1] + " " + parts[2];
  }
}
