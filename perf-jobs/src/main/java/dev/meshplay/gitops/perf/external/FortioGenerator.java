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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * fortio ({@code fortio load -json -}): a closed loop, throttled per connection when qps is set;
 * its JSON gives percentiles in seconds and return codes, {@code -1} for transport errors.
 */
final class FortioGenerator implements LoadGenerator {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public String name() {
    return "fortio";
  }

  @Override
  public Measurement run(LoadSpec spec, ProgressListener progress)
      throws LoadGeneratorException, InterruptedException {
    Path binary =
        ProcessRunner.require(
            "fortio", "fortio", "install it with 'go install fortio.org/fortio@latest'");
    Duration limit = spec.duration().plus(spec.timeout()).plusSeconds(30);
    if (!spec.warmup().isZero()) {
      ProcessRunner.run(command(binary, spec, spec.warmup()), limit, progress);
    }
    List<String> command = command(binary, spec, spec.duration());
    Instant start = Instant.now();
    ProcessRunner.Output out = ProcessRunner.run(command, limit, progress);
    if (out.exitCode() != 0) {
      throw new LoadGeneratorException(
          "fortio failed (exit " + out.exitCode() + "): " + out.stderr().strip());
    }
    return parse(out.stdout(), spec, start, String.join(" ", command));
  }

  private static List<String> command(Path binary, LoadSpec spec, Duration length) {
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "load", "-json", "-"));
    cmd.addAll(List.of("-qps", spec.openLoop() ? Double.toString(spec.qps()) : "0"));
    cmd.addAll(List.of("-c", Integer.toString(spec.connections())));
    cmd.addAll(
        List.of("-t", length.toMillis() + "ms", "-timeout", spec.timeout().toMillis() + "ms"));
    cmd.addAll(List.of("-p", "50,90,99,99.9"));
    spec.headers().forEach((k, v) -> cmd.addAll(List.of("-H", k + ": " + v)));
    spec.cookies().forEach((k, v) -> cmd.addAll(List.of("-H", "Cookie: " + k + "=" + v)));
    if (!spec.body().isEmpty()) {
      cmd.addAll(List.of("-payload", spec.body()));
    }
    if (!spec.contentType().isEmpty()) {
      cmd.addAll(List.of("-content-type", spec.contentType()));
    }
    if (!spec.generatorOptions().isBlank()) {
      cmd.addAll(List.of(spec.generatorOptions().trim().split("\\s+")));
    }
    cmd.add(spec.endpoints().get(0).toString());
    return cmd;
  }

  static Measurement parse(String json, LoadSpec spec, Instant start, String commandLine)
      throws LoadGeneratorException {
    JsonNode root;
    try {
      root = JSON.readTree(json.substring(Math.max(0, json.indexOf('{'))));
    } catch (JacksonException e) {
      throw new LoadGeneratorException(
          "fortio printed no JSON result: " + e.getOriginalMessage(), e);
    }
    JsonNode h = root.path("DurationHistogram");
    Map<Double, Double> pct = new TreeMap<>();
    h.path("Percentiles")
        .forEach(p -> pct.put(p.path("Percentile").asDouble(), p.path("Value").asDouble() * 1000));
    long requests = 0;
    long transport = 0;
    Map<Integer, Long> status = new TreeMap<>();
    for (Map.Entry<String, JsonNode> code : root.path("RetCodes").properties()) {
      int c = Integer.parseInt(code.getKey());
      long n = code.getValue().asLong();
      requests += n;
      if (c < 0) {
        transport += n;
      } else if (c >= 400) {
        status.put(c, n);
      }
    }
    double seconds = root.path("ActualDuration").asDouble() / 1e9;
    Latencies latencies =
        new Latencies(
            h.path("Min").asDouble() * 1000,
            h.path("Avg").asDouble() * 1000,
            pct.getOrDefault(50.0, Double.NaN),
            pct.getOrDefault(90.0, Double.NaN),
            pct.getOrDefault(99.0, Double.NaN),
            pct.getOrDefault(99.9, Double.NaN),
            h.path("Max").asDouble() * 1000);
    return new Measurement(
        "fortio",
        Map.of("command", commandLine, "connections", Integer.toString(spec.connections())),
        spec.openLoop() ? LoadModel.THROTTLED_CLOSED_LOOP : LoadModel.CLOSED_LOOP,
        start,
        start.plusNanos((long) (seconds * 1e9)),
        requests,
        root.path("ActualQPS").asDouble(),
        latencies,
        Optional.empty(),
        Optional.empty(),
        // fortio reports every transport failure as code -1, without its class.
        new ErrorCounts(0, 0, transport, status),
        ScheduleHealth.UNSCHEDULED);
  }
}
