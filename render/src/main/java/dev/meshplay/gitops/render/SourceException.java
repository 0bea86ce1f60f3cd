package dev.meshplay.gitops.render;

/** A repository file that cannot be used at all; the diagnostic says where and why. */
final class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Diagnostic diagnostic;

  SourceException(Diagnostic diagnostic) {
    super(diagnostic.toString());
    this.diagnostic = diagnostic;
  }

  Diagnostic diagnostic() {
    return diagnostic;
  }
}
