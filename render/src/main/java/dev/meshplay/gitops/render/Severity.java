package dev.meshplay.gitops.render;

/** How bad a diagnostic is: an error stops its design from being applied, a warning does not. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case word used in {@code file:line:column: severity: message} lines. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
