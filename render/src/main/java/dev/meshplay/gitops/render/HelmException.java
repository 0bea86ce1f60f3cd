package dev.meshplay.gitops.render;

/** Helm could not render a chart; the message says why in words a user can act on. */
public final class HelmException extends Exception {
  private static final long serialVersionUID = 1L;

  public HelmException(String message) {
    super(message);
  }

  public HelmException(String message, Throwable cause) {
    super(message, cause);
  }
}
