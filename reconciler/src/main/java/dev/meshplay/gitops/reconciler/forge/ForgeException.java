package dev.meshplay.gitops.reconciler.forge;

/** A forge call that failed, naming the method, the path and the HTTP status; never the token. */
public final class ForgeException extends RuntimeException {
  public ForgeException(String message) {
    super(message);
  }

  public ForgeException(String message, Throwable cause) {
    super(message, cause);
  }
}
