package dev.meshplay.gitops.render;

/**
 * A problem found while reading, rendering or validating a file, located as precisely as the input
 * allows.
 *
 * @param file repository-relative path
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param field the JSON path of the offending field in the rendered object ({@code
 *     $.spec.replicas}), or null when the problem is not about one field
 */
public record Diagnostic(
    Severity severity, String file, int line, int column, String message, String field) {

  public Diagnostic(Severity severity, String file, int line, int column, String message) {
    this(severity, file, line, column, message, null);
  }

  public static Diagnostic error(String file, int line, int column, String message) {
    return new Diagnostic(Severity.ERROR, file, line, column, message);
  }

  public static Diagnostic warning(String file, int line, int column, String message) {
    return new Diagnostic(Severity.WARNING, file, line, column, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The same problem with another severity (lenient and strict modes move it). */
  public Diagnostic withSeverity(Severity other) {
    return new Diagnostic(other, file, line, column, message, field);
  }

  /** The compiler-style line users and editors understand: {@code file:line:column: error: msg}. */
  @Override
  public String toString() {
    return file
        + ":"
        + Math.max(line, 1)
        + ":"
        + Math.max(column, 1)
        + ": "
        + severity.word()
        + ": "
        + message;
  }
}
