package dev.meshplay.gitops.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a renderer process ({@code kubectl kustomize}, {@code kustomize build}, {@code helm
 * template}) with a timeout and a cap on its output. Output goes to temporary files rather than
 * pipes, so a chatty or hung process can neither block on a full pipe nor outlive the timeout; the
 * output file is watched while it runs, so a runaway process is killed at the cap, not at the end.
 *
 * @param label how messages name the command ({@code kubectl kustomize})
 */
record BoundedProcess(String label, Duration timeout, long maxOutputBytes) {
  private static final int MAX_ERROR_CHARS = 2000;
  private static final long POLL_MILLIS = 20;

  /** Why the process produced nothing usable, in words for users. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean notFound;

    Failure(String message, boolean notFound, Throwable cause) {
      super(message, cause);
      this.notFound = notFound;
    }

    /** The executable does not exist (callers add what it is needed for). */
    boolean notFound() {
      return notFound;
    }
  }

  String run(List<String> command) throws Failure {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("render-", ".out");
      err = Files.createTempFile("render-", ".err");
      Process process = start(command, out, err);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        if (Files.size(out) > maxOutputBytes) {
          kill(process);
          throw new Failure(label + " printed more than " + limit(), false, null);
        }
        if (System.nanoTime() > deadline) {
          kill(process);
          throw new Failure(label + " timed out after " + timeout.toSeconds() + " s", false, null);
        }
      }
      if (process.exitValue() != 0) {
        throw new Failure(
            label + " failed (exit " + process.exitValue() + "): " + errors(err), false, null);
      }
      if (Files.size(out) > maxOutputBytes) {
        throw new Failure(label + " printed more than " + limit(), false, null);
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Failure(label + ": " + e.getMessage(), false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted while running " + label, false, e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private String limit() {
    long mib = maxOutputBytes / (1024 * 1024);
    return mib > 0 ? mib + " MiB" : maxOutputBytes + " bytes";
  }

  private Process start(List<String> command, Path out, Path err) throws Failure {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      process.getOutputStream().close();
      return process;
    } catch (IOException e) {
      String message = String.valueOf(e.getMessage());
      boolean notFound = message.contains("error=2,") || message.contains("No such file");
      throw new Failure("could not start " + command.getFirst() + ": " + message, notFound, e);
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
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

  /** Whether a command name is an executable file in one of the PATH's directories. */
  static boolean onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }
}
