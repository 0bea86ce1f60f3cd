package dev.meshplay.gitops.perf.profile;

/**
 * A problem found in a benchmark file, located at the line of the key or value it is about.
 *
 * @param file the path the file was read from
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param error true for a problem that rejects the file, false for a warning
 */
public record Diagnostic(String file, int line, boolean error, String message) {

  static Diagnostic error(String file, int line, String message) {
    return new Diagnostic(file, line, true, message);
  }

  static Diagnostic warning(String file, int line, String message) {
    return new Diagnostic(file, line, false, message);
  }

  /** The compiler-style form editors understand: {@code file:line: error: message}. */
  @Override
  public String toString() {
    return file + ":" + Math.max(line, 1) + ": " + (error ? "error" : "warning") + ": " + message;
  }
}
