package dev.meshplay.gitops.perf.external;

import dev.meshplay.gitops.perf.load.LoadGenerator;
import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.load.LoadSpec;
import dev.meshplay.gitops.perf.load.Measurement;
import dev.meshplay.gitops.perf.load.ProgressListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Envoy's Nighthawk ({@code nighthawk_client --output-format json}): a rate-limited client whose
 * latencies count from the actual send, so it is paced but not corrected for coordinated omission.
 * It has no unpaced mode, so a profile must give a rate. Its output is read by {@link
 * NighthawkOutput}.
 */
final class NighthawkGenerator implements LoadGenerator {

  @Override
  public String name() {
    return "nighthawk";
  }

  @Override
  public Measurement run(LoadSpec spec, ProgressListener progress)
      throws LoadGeneratorException, InterruptedException {
    Path binary =
        ProcessRunner.require(
            "nighthawk_client",
            "nighthawk",
            "Nighthawk has no Debian package: build it from source (envoyproxy/nighthawk) and put"
                + " nighthawk_client on PATH");
    if (!spec.openLoop()) {
      throw new LoadGeneratorException(
          "nighthawk needs a fixed rate: set qps above 0 (it has no as-fast-as-possible mode)");
    }
    Duration limit = spec.duration().plus(spec.warmup()).plus(spec.timeout()).plusSeconds(30);
    if (!spec.warmup().isZero()) {
      ProcessRunner.run(command(binary, spec, spec.warmup()), limit, progress);
    }
    List<String> command = command(binary, spec, spec.duration());
    Instant start = Instant.now();
    ProcessRunner.Output out = ProcessRunner.run(command, limit, progress);
    if (out.exitCode() != 0) {
      throw new LoadGeneratorException(
          "nighthawk_client failed (exit " + out.exitCode() + "): " + out.stderr().strip());
    }
    return NighthawkOutput.parse(out.stdout(), spec, start, String.join(" ", command));
  }

  static List<String> command(Path binary, LoadSpec spec, Duration length) {
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--output-format", "json"));
    cmd.addAll(List.of("--rps", Long.toString(Math.max(1, Math.round(spec.qps())))));
    cmd.addAll(List.of("--connections", Integer.toString(spec.connections())));
    cmd.addAll(List.of("--concurrency", "1"));
    cmd.addAll(List.of("--duration", Long.toString(Math.max(1, length.toSeconds()))));
    cmd.addAll(List.of("--timeout", Long.toString(Math.max(1, spec.timeout().toSeconds()))));
    cmd.addAll(List.of("--request-method", spec.method()));
    spec.headers().forEach((k, v) -> cmd.addAll(List.of("--request-header", k + ":" + v)));
    spec.cookies()
        .forEach((k, v) -> cmd.addAll(List.of("--request-header", "cookie:" + k + "=" + v)));
    if (!spec.contentType().isEmpty()) {
      cmd.addAll(List.of("--request-header", "content-type:" + spec.contentType()));
    }
    if (!spec.body().isEmpty()) {
      // Nighthawk sends a body of the given size, not given content.
      cmd.addAll(List.of("--request-body-size", Integer.toString(spec.body().length())));
    }
    if (!spec.generatorOptions().isBlank()) {
      cmd.addAll(List.of(spec.generatorOptions().trim().split("\\s+")));
    }
    cmd.add(spec.endpoints().get(0).toString());
    return cmd;
  }
}
