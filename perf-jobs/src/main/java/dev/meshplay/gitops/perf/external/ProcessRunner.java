package dev.meshplay.gitops.perf.external;

import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.load.Progress;
import dev.meshplay.gitops.perf.load.ProgressListener;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Finds a generator's binary on PATH and runs it, reporting elapsed time while it works. */
final class ProcessRunner {

  /** What a finished process printed. */
  record Output(int exitCode, String stdout, String stderr) {}

  private ProcessRunner() {}

  static Optional<Path> find(String binary) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, binary);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The binary's path, or an error naming the generator and how to install it. */
  static Path require(String binary, String generator, String install)
      throws LoadGeneratorException {
    return find(binary)
        .orElseThrow(
            () ->
                new LoadGeneratorException(
                    "load generator '"
                        + generator
                        + "' needs the '"
                        + binary
                        + "' binary, which is not on PATH: "
                        + install));
  }

  static Output run(List<String> command, Duration limit, ProgressListener progress)
      throws LoadGeneratorException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new LoadGeneratorException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    long start = System.nanoTime();
    try {
      while (!process.waitFor(1, TimeUnit.SECONDS)) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (elapsed.compareTo(limit) > 0) {
          throw new LoadGeneratorException(command.get(0) + " did not finish within " + limit);
        }
        progress.onProgress(
            new Progress(elapsed, Progress.Phase.MEASURING, Double.NaN, 0, 0, 0, 0));
      }
      return new Output(process.exitValue(), out.join(), err.join());
    } finally {
      process.destroyForcibly();
    }
  }

  private static CompletableFuture<String> drain(java.io.InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        });
  }
}
