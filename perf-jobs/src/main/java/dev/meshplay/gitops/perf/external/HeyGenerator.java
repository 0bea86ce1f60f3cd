package dev.meshplay.gitops.perf.external;

import dev.meshplay.gitops.perf.load.ErrorCounts;
import dev.meshplay.gitops.perf.load.Latencies;
import dev.meshplay.gitops.perf.load.LoadGenerator;
import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.load.LoadModel;
import dev.meshplay.gitops.perf.load.LoadSpec;
import dev.meshplay.gitops.perf.load.Measurement;
import dev.meshplay.gitops.perf.load.ProgressListener;
import dev.meshplay.gitops.perf.load.ScheduleHealth;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * hey: a closed loop, throttled per worker with {@code -q} when qps is set. Its summary is read
 * rather than its CSV, because the CSV leaves out failed requests; it reports latency to 0.1 ms and
 * no p99.9 (left empty in the result).
 */
final class HeyGenerator implements LoadGenerator {

  private static final Pattern SECONDS =
      Pattern.compile("(Total|Slowest|Fastest|Average):\\s+([0-9.]+) secs");
  private static final Pattern PERCENT =
      Pattern.compile("(\\d+)%% in ([0-9.]+) secs".replace("%%", "%"));
  private static final Pattern STATUS = Pattern.compile("\\[(\\d+)]\\s+(\\d+) responses");
  private static final Pattern ERROR = Pattern.compile("\\[(\\d+)]\\s+(.*)");

  @Override
  public String name() {
    return "hey";
  }

  @Override
  public Measurement run(LoadSpec spec, ProgressListener progress)
      throws LoadGeneratorException, InterruptedException {
    Path binary = ProcessRunner.require("hey", "hey", "install it with 'apt-get install hey'");
    Duration limit = spec.duration().plus(spec.timeout()).plusSeconds(30);
    if (!spec.warmup().isZero()) {
      ProcessRunner.run(command(binary, spec, spec.warmup()), limit, progress);
    }
    List<String> command = command(binary, spec, spec.duration());
    Instant start = Instant.now();
    ProcessRunner.Output out = ProcessRunner.run(command, limit, progress);
    if (out.exitCode() != 0 || !out.stdout().contains("Summary:")) {
      throw new LoadGeneratorException(
          "hey failed (exit " + out.exitCode() + "): " + (out.stderr() + out.stdout()).strip());
    }
    return parse(out.stdout(), spec, start, String.join(" ", command));
  }

  private static List<String> command(Path binary, LoadSpec spec, Duration length) {
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-z", length.toMillis() + "ms"));
    cmd.addAll(List.of("-c", Integer.toString(spec.connections())));
    if (spec.openLoop()) {
      cmd.addAll(
          List.of("-q", String.format(Locale.ROOT, "%.3f", spec.qps() / spec.connections())));
    }
    cmd.addAll(List.of("-t", Long.toString(Math.max(1, spec.timeout().toSeconds()))));
    cmd.addAll(List.of("-m", spec.method()));
    spec.headers().forEach((k, v) -> cmd.addAll(List.of("-H", k + ": " + v)));
    if (!spec.cookies().isEmpty()) {
      StringBuilder cookie = new StringBuilder();
      spec.cookies()
          .forEach(
              (k, v) ->
                  cookie.append(cookie.isEmpty() ? "" : "; ").append(k).append('=').append(v));
      cmd.addAll(List.of("-H", "Cookie: " + cookie));
    }
    if (!spec.body().isEmpty()) {
      cmd.addAll(List.of("-d", spec.body()));
    }
    if (!spec.contentType().isEmpty()) {
      cmd.addAll(List.of("-T", spec.contentType()));
    }
    if (!spec.generatorOptions().isBlank()) {
      cmd.addAll(List.of(spec.generatorOptions().trim().split("\\s+")));
    }
    cmd.add(spec.endpoints().get(0).toString());
    return cmd;
  }

  static Measurement parse(String text, LoadSpec spec, Instant start, String commandLine) {
    Map<String, Double> secs = new LinkedHashMap<>();
    Matcher m = SECONDS.matcher(text);
    while (m.find()) {
      secs.putIfAbsent(m.group(1), Double.parseDouble(m.group(2)));
    }
    Map<Integer, Double> pct = new TreeMap<>();
    for (m = PERCENT.matcher(text); m.find(); ) {
      pct.put(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)) * 1000);
    }
    long responses = 0;
    Map<Integer, Long> errorStatus = new TreeMap<>();
    int errorsAt = text.indexOf("Error distribution:");
    String statusPart = errorsAt < 0 ? text : text.substring(0, errorsAt);
    for (m = STATUS.matcher(statusPart); m.find(); ) {
      int code = Integer.parseInt(m.group(1));
      long n = Long.parseLong(m.group(2));
      responses += n;
      if (code >= 400) {
        errorStatus.put(code, n);
      }
    }
    long connect = 0;
    long timeout = 0;
    long io = 0;
    if (errorsAt >= 0) {
      for (m = ERROR.matcher(text.substring(errorsAt)); m.find(); ) {
        long n = Long.parseLong(m.group(1));
        String message = m.group(2).toLowerCase(Locale.ROOT);
        if (message.contains("timeout") || message.contains("deadline exceeded")) {
          timeout += n;
        } else if (message.contains("dial tcp") || message.contains("connection refused")) {
          connect += n;
        } else {
          io += n;
        }
      }
    }
    long requests = responses + connect + timeout + io;
    double total = secs.getOrDefault("Total", spec.duration().toMillis() / 1000.0);
    Latencies latencies =
        new Latencies(
            secs.getOrDefault("Fastest", Double.NaN) * 1000,
            secs.getOrDefault("Average", Double.NaN) * 1000,
            pct.getOrDefault(50, Double.NaN),
            pct.getOrDefault(90, Double.NaN),
            pct.getOrDefault(99, Double.NaN),
            Double.NaN,
            secs.getOrDefault("Slowest", Double.NaN) * 1000);
    return new Measurement(
        "hey",
        Map.of("command", commandLine, "connections", Integer.toString(spec.connections())),
        spec.openLoop() ? LoadModel.THROTTLED_CLOSED_LOOP : LoadModel.CLOSED_LOOP,
        start,
        start.plusNanos((long) (total * 1e9)),
        requests,
        requests / total,
        latencies,
        Optional.empty(),
        Optional.empty(),
        new ErrorCounts(connect, timeout, io, errorStatus),
        ScheduleHealth.UNSCHEDULED);
  }
}
