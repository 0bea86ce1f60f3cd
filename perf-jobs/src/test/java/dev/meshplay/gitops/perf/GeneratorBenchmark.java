package dev.meshplay.gitops.perf;

import dev.meshplay.gitops.perf.load.LoadSpec;
import dev.meshplay.gitops.perf.load.Measurement;
import dev.meshplay.gitops.perf.load.NettyLoadGenerator;
import dev.meshplay.gitops.perf.load.ProgressListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Max requests/s of the built-in generator against wrk and hey, and its open-loop rate accuracy,
 * all against nginx with one worker on loopback; nginx pinned to core 0, every generator (this JVM
 * included) to core 1. Run with:
 *
 * <pre>./mvnw -q -pl perf-jobs test-compile exec:java
 *     -Dexec.mainClass=dev.meshplay.gitops.perf.GeneratorBenchmark</pre>
 *
 * <p>System properties: {@code bench.seconds} (8), {@code bench.rounds} (2), {@code
 * bench.connections} (32), {@code bench.port} (18089).
 */
public final class GeneratorBenchmark {

  private static final int SECONDS = Integer.getInteger("bench.seconds", 8);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
  private static final int CONNECTIONS = Integer.getInteger("bench.connections", 32);
  private static final int PORT = Integer.getInteger("bench.port", 18089);
  private static final URI URL = URI.create("http://127.0.0.1:" + PORT + "/");

  private GeneratorBenchmark() {}

  public static void main(String[] args) throws Exception {
    for (String tool : List.of("nginx", "wrk", "hey", "taskset")) {
      if (!onPath(tool)) {
        System.err.println(
            tool + " is not installed: apt-get install nginx-light wrk hey util-linux");
        System.exit(2);
      }
    }
    Process nginx = startNginx();
    try {
      Thread.sleep(500);
      // Pin every thread of this JVM to core 1; threads created later inherit it.
      exec("taskset", "-a", "-p", "-c", "1", Long.toString(ProcessHandle.current().pid()));
      System.out.printf(
          Locale.ROOT,
          "# %d s runs, %d connections, %d rounds, load average %s%n",
          SECONDS,
          CONNECTIONS,
          ROUNDS,
          Files.readString(Path.of("/proc/loadavg")).trim());
      builtinClosed(Math.min(SECONDS, 3)); // JIT warm-up, not reported
      double wrk = 0;
      double hey = 0;
      double builtin = 0;
      for (int round = 1; round <= ROUNDS; round++) {
        double w = wrk();
        double b = builtinClosed(SECONDS);
        double h = hey();
        System.out.printf(
            Locale.ROOT,
            "round %d: wrk %.0f req/s, builtin %.0f req/s, hey %.0f req/s, builtin/wrk %.2f%n",
            round,
            w,
            b,
            h,
            b / w);
        wrk = Math.max(wrk, w);
        hey = Math.max(hey, h);
        builtin = Math.max(builtin, b);
      }
      System.out.printf(
          Locale.ROOT,
          "best: wrk %.0f, builtin %.0f (%.2fx wrk), hey %.0f (%.2fx wrk)%n",
          wrk,
          builtin,
          builtin / wrk,
          hey,
          hey / wrk);
      for (int rate : new int[] {10_000, 50_000}) {
        openLoop(rate);
      }
    } finally {
      nginx.destroy();
    }
  }

  private static double builtinClosed(int seconds) throws Exception {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long alloc0 = threads.getTotalThreadAllocatedBytes();
    LoadSpec spec =
        LoadSpec.get(URL, CONNECTIONS, 0, Duration.ofSeconds(seconds))
            .withWarmup(Duration.ofSeconds(1))
            .withThreads(1);
    Measurement m = new NettyLoadGenerator().run(spec, ProgressListener.NONE);
    long cpu = os.getProcessCpuTime() - cpu0;
    long alloc = threads.getTotalThreadAllocatedBytes() - alloc0;
    double per100k = 100_000.0 / Math.max(1, m.requests() + m.actualQps());
    System.out.printf(
        Locale.ROOT,
        "  builtin closed loop: %.0f req/s, p50 %.3f ms, p99 %.3f ms, errors %d;"
            + " per 100k requests: %.2f s CPU, %.1f MB allocated; heap used %d MB%n",
        m.actualQps(),
        m.latencies().p50(),
        m.latencies().p99(),
        m.errors().total(),
        cpu / 1e9 * per100k,
        alloc / 1e6 * per100k,
        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    return m.actualQps();
  }

  private static void openLoop(int rate) throws Exception {
    LoadSpec spec =
        LoadSpec.get(URL, CONNECTIONS, rate, Duration.ofSeconds(SECONDS))
            .withWarmup(Duration.ofSeconds(2))
            .withThreads(1);
    Measurement m = new NettyLoadGenerator().run(spec, ProgressListener.NONE);
    System.out.printf(
        Locale.ROOT,
        "open loop %d req/s: actual %.0f (%.2f%%), slots %d, late %d, missed %d, valid %s,"
            + " p50 %.3f ms, p99 %.3f ms, service p99 %.3f ms%n",
        rate,
        m.actualQps(),
        100.0 * m.actualQps() / rate,
        m.schedule().slots(),
        m.schedule().lateSlots(),
        m.schedule().missedSlots(),
        m.schedule().valid(),
        m.latencies().p50(),
        m.latencies().p99(),
        m.serviceTime().orElseThrow().getValueAtPercentile(99) / 1000.0);
  }

  private static double wrk() throws IOException, InterruptedException {
    String out =
        exec(
            "taskset",
            "-c",
            "1",
            "wrk",
            "-t1",
            "-c" + CONNECTIONS,
            "-d" + SECONDS + "s",
            URL.toString());
    return rate(out, "Requests/sec:\\s+([0-9.]+)");
  }

  private static double hey() throws IOException, InterruptedException {
    String out =
        exec(
            "taskset",
            "-c",
            "1",
            "hey",
            "-z",
            SECONDS + "s",
            "-c",
            Integer.toString(CONNECTIONS),
            URL.toString());
    return rate(out, "Requests/sec:\\s+([0-9.]+)");
  }

  private static double rate(String out, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no rate in output:\n" + out);
    }
    return Double.parseDouble(m.group(1));
  }

  private static Process startNginx() throws IOException {
    Path dir = Files.createTempDirectory("bench-nginx");
    Files.createDirectories(dir.resolve("logs"));
    String conf =
        """
        worker_processes 1;
        daemon off;
        master_process off;
        pid %1$s/nginx.pid;
        error_log %1$s/logs/error.log warn;
        events { worker_connections 4096; }
        http {
          access_log off;
          keepalive_requests 100000000;
          server {
            listen 127.0.0.1:%2$d;
            location / { return 200 "ok\\n"; }
          }
        }
        """
            .formatted(dir, PORT);
    Files.writeString(dir.resolve("nginx.conf"), conf, StandardCharsets.UTF_8);
    return new ProcessBuilder(
            "taskset",
            "-c",
            "0",
            "nginx",
            "-p",
            dir.toString(),
            "-c",
            dir.resolve("nginx.conf").toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("logs/out.log").toFile())
        .start();
  }

  private static String exec(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  private static boolean onPath(String tool) {
    List<String> dirs = new ArrayList<>(List.of(System.getenv("PATH").split(":")));
    dirs.add("/usr/sbin");
    return dirs.stream().anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }
}
