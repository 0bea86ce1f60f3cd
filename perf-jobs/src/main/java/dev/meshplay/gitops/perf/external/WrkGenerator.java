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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * wrk (closed loop, as fast as possible) and wrk2 (open loop at {@code -R}, latency corrected for
 * coordinated omission), both reporting through {@link WrkScript}. They load the first endpoint.
 */
final class WrkGenerator implements LoadGenerator {

  private final String name;
  private final boolean paced;
  private final String install;

  private WrkGenerator(String name, boolean paced, String install) {
    this.name = name;
    this.paced = paced;
    this.install = install;
  }

  static WrkGenerator wrk() {
    return new WrkGenerator("wrk", false, "install it with 'apt-get install wrk'");
  }

  static WrkGenerator wrk2() {
    return new WrkGenerator(
        "wrk2", true, "build wrk2 from its source (giltene/wrk2) and install the binary as wrk2");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Measurement run(LoadSpec spec, ProgressListener progress)
      throws LoadGeneratorException, InterruptedException {
    if (paced != spec.openLoop()) {
      throw new LoadGeneratorException(
          paced
              ? "wrk2 needs a rate: set qps > 0, or use wrk for as fast as possible"
              : "wrk cannot pace requests: for qps > 0 use the builtin generator or wrk2");
    }
    Path binary = ProcessRunner.require(name, name, install);
    Path script;
    try {
      script = Files.createTempFile("meshplay-wrk", ".lua");
      Files.writeString(script, WrkScript.of(spec));
    } catch (IOException e) {
      throw new LoadGeneratorException("cannot write the wrk script: " + e.getMessage(), e);
    }
    try {
      if (!spec.warmup().isZero()) {
        ProcessRunner.run(command(binary, script, spec, spec.warmup()), limit(spec), progress);
      }
      Instant start = Instant.now();
      ProcessRunner.Output out =
          ProcessRunner.run(command(binary, script, spec, spec.duration()), limit(spec), progress);
      return parse(out, spec, start, commandLine(binary, script, spec));
    } finally {
      script.toFile().delete();
    }
  }

  private static Duration limit(LoadSpec spec) {
    return spec.duration().plus(spec.timeout()).plusSeconds(30);
  }

  private List<String> command(Path binary, Path script, LoadSpec spec, Duration length) {
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), spec.connections());
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.addAll(
        List.of("-t", Integer.toString(threads), "-c", Integer.toString(spec.connections())));
    cmd.addAll(List.of("-d", seconds(length) + "s", "--timeout", seconds(spec.timeout()) + "s"));
    cmd.addAll(List.of("-s", script.toString()));
    if (paced) {
      cmd.addAll(List.of("-R", Long.toString(Math.round(spec.qps()))));
    }
    if (!spec.generatorOptions().isBlank()) {
      cmd.addAll(List.of(spec.generatorOptions().trim().split("\\s+")));
    }
    cmd.add(spec.endpoints().get(0).toString());
    return cmd;
  }

  private String commandLine(Path binary, Path script, LoadSpec spec) {
    return String.join(" ", command(binary, script, spec, spec.duration()));
  }

  private static long seconds(Duration d) {
    return Math.max(1, (d.toMillis() + 999) / 1000);
  }

  Measurement parse(ProcessRunner.Output out, LoadSpec spec, Instant start, String commandLine)
      throws LoadGeneratorException {
    int at = out.stdout().indexOf(WrkScript.MARKER);
    if (out.exitCode() != 0 || at < 0) {
      throw new LoadGeneratorException(
          name + " failed (exit " + out.exitCode() + "): " + (out.stderr() + out.stdout()).strip());
    }
    Map<String, Double> v = new HashMap<>();
    out.stdout()
        .substring(at)
        .lines()
        .skip(1)
        .forEach(
            line -> {
              String[] kv = line.trim().split("\\s+");
              if (kv.length == 2) {
                v.put(kv[0], Double.parseDouble(kv[1]));
              }
            });
    long connect = v.get("connect").longValue();
    long timeout = v.get("timeout").longValue();
    long io = v.get("read").longValue() + v.get("write").longValue();
    long status = v.get("status").longValue();
    long requests = v.get("requests").longValue() + connect + timeout + io;
    double seconds = v.get("duration_us") / 1e6;
    Map<String, String> options = new LinkedHashMap<>();
    options.put("command", commandLine);
    options.put("connections", Integer.toString(spec.connections()));
    return new Measurement(
        name,
        options,
        paced ? LoadModel.OPEN_LOOP : LoadModel.CLOSED_LOOP,
        start,
        start.plusNanos((long) (seconds * 1e9)),
        requests,
        requests / seconds,
        new Latencies(
            v.get("min") / 1000,
            v.get("mean") / 1000,
            v.get("p50") / 1000,
            v.get("p90") / 1000,
            v.get("p99") / 1000,
            v.get("p99.9") / 1000,
            v.get("max") / 1000),
        Optional.empty(),
        Optional.empty(),
        new ErrorCounts(connect, timeout, io, status == 0 ? Map.of() : Map.of(0, status)),
        ScheduleHealth.UNSCHEDULED);
  }
}
