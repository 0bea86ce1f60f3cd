package dev.meshplay.gitops.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Builds kustomizations with a real process: {@code kubectl kustomize DIR} (the default) or the
 * standalone {@code kustomize build DIR}, with a timeout and an output cap.
 */
public final class KubectlKustomize implements KustomizeRunner {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  public static final long DEFAULT_MAX_OUTPUT_BYTES = 64L * 1024 * 1024;

  private final String executable;
  private final List<String> subcommand;
  private final BoundedProcess process;

  /** {@code kubectl} from the PATH, {@link #DEFAULT_TIMEOUT}. */
  public KubectlKustomize() {
    this("kubectl", DEFAULT_TIMEOUT);
  }

  /**
   * @param executable a command name looked up on the PATH, or a path to the binary
   */
  public KubectlKustomize(String executable, Duration timeout) {
    this(executable, timeout, DEFAULT_MAX_OUTPUT_BYTES);
  }

  public KubectlKustomize(String executable, Duration timeout, long maxOutputBytes) {
    this(executable, List.of("kustomize"), "kubectl kustomize", timeout, maxOutputBytes);
  }

  private KubectlKustomize(
      String executable,
      List<String> subcommand,
      String label,
      Duration timeout,
      long maxOutputBytes) {
    this.executable = Objects.requireNonNull(executable);
    this.subcommand = subcommand;
    this.process = new BoundedProcess(label, Objects.requireNonNull(timeout), maxOutputBytes);
  }

  /** The standalone {@code kustomize build DIR}. */
  public static KubectlKustomize standalone(
      String executable, Duration timeout, long maxOutputBytes) {
    return new KubectlKustomize(
        executable, List.of("build"), "kustomize build", timeout, maxOutputBytes);
  }

  @Override
  public String build(Path directory) throws KustomizeException {
    var command = new java.util.ArrayList<String>();
    command.add(executable);
    command.addAll(subcommand);
    command.add(directory.toString());
    try {
      return process.run(command);
    } catch (BoundedProcess.Failure e) {
      if (e.notFound()) {
        String tool = subcommand.contains("build") ? "kustomize" : "kubectl";
        String where = executable.contains("/") ? "at " + executable : "on PATH";
        throw new KustomizeException(
            tool
                + " was not found "
                + where
                + ": kustomize directories are built with `"
                + process.label()
                + "`",
            e);
      }
      throw new KustomizeException(e.getMessage(), e);
    }
  }
}
