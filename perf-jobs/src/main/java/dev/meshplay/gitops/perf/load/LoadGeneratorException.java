package dev.meshplay.gitops.perf.load;

/** The generator itself could not run: a missing binary, a failed process, unreadable output. */
public class LoadGeneratorException extends Exception {

  private static final long serialVersionUID = 1L;

  public LoadGeneratorException(String message) {
    super(message);
  }

  public LoadGeneratorException(String message, Throwable cause) {
    super(message, cause);
  }
}
