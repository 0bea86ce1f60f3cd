package dev.meshplay.gitops.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code kubectl kustomize DIR} as a real process. Output goes to temporary files rather than
 * pipes, so a chatty or hung kubectl can neither block on a full pipe nor outlive the timeout.
 */
public final class KubectlKustomize implements KustomizeRunner {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  private static final long MAX_OUTPUT_BYTES = 64L * 1024 * 1024;
  private static final int MAX_ERROR_CHARS = 2000;

  private final String executable;
  private final Duration timeout;

  /** {@code kubectl} from the PATH, {@link #DEFAULT_TIMEOUT}. */
  public KubectlKustomize() {
    this("kubectl", DEFAULT_TIMEOUT);
  }

  /**
   * @param executable a command name looked up on the PATH, or a path to the binary
   */
  public KubectlKustomize(String executable, Duration timeout) {
    this.executable = Objects.requireNonNull(executable);
    this.timeout = Objects.requireNonNull(timeout);
  }

  @Override
  public String build(Path directory) throws KustomizeException {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("kustomize-", ".yaml");
      err = Files.createTempFile("kustomize-", ".err");
      Process process = start(directory, out, err);
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new KustomizeException(
            "kubectl kustomize timed out after " + timeout.toSeconds() + " s");
      }
      if (process.exitValue() != 0) {
        throw new KustomizeException(
            "kubectl kustomize failed (exit " + process.exitValue() + "): " + errors(err));
      }
      if (Files.size(out) > MAX_OUTPUT_BYTES) {
        throw new KustomizeException("kubectl kustomize printed more than 64 MiB");
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new KustomizeException("kubectl kustomize: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KustomizeException("interrupted while running kubectl kustomize", e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private Process start(Path directory, Path out, Path err) throws KustomizeException {
    try {
      Process process =
          new ProcessBuilder(executable, "kustomize", directory.toString())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      process.getOutputStream().close();
      return process;
    } catch (IOException e) {
      String where = executable.contains("/") ? "at " + executable : "on PATH";
      String message = String.valueOf(e.getMessage());
      if (message.contains("error=2,") || message.contains("No such file")) {
        throw new KustomizeException(
            "kubectl was not found "
                + where
                + ": kustomize directories are built with `kubectl kustomize`",
            e);
      }
      throw new KustomizeException("could not start kubectl " + where + ": " + message, e);
    }
  }

  private static String errors(Path err) throws IOException {
    String text = new String(Files.readAllBytes(err), StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return "no error output";
    }
    return text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) + " …" : text;
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A leftover temporary file is harmless; the build result matters more.
      }
    }
  }
}
