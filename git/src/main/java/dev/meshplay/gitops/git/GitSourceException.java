package dev.meshplay.gitops.git;

/** A source could not be read: the message names the source and its URL, the cause is kept. */
public final class GitSourceException extends RuntimeException {

  public GitSourceException(GitSource source, String what, Throwable cause) {
    super(
        "source "
            + source.name()
            + " ("
            + source.url()
            + ", branch "
            + source.branch()
            + "): "
            + what
            + (cause == null ? "" : ": " + cause.getMessage()),
        cause);
  }
}
