package dev.meshplay.gitops.render;

/** Kustomize could not build a directory; the message says why in words a user can act on. */
public final class KustomizeException extends Exception {
  private static final long serialVersionUID = 1L;

  public KustomizeException(String message) {
    super(message);
  }

  public KustomizeException(String message, Throwable cause) {
    super(message, cause);
  }
}
