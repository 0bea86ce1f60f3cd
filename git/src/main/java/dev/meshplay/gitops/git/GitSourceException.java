package dev.meshplay.gitops.git;

import java.util.Optional;

/**
 * A source could not be read or written: the message names the source, its URL and branch and the
 * cause; {@link #reason()} says which of the known failures it is, and {@link #lastGood()} holds
 * the snapshot that stays valid meanwhile.
 */
public final class GitSourceException extends RuntimeException {

  /** The failures a user or a remote can cause. */
  public enum Reason {
    /** The remote could not be reached or does not exist. */
    UNREACHABLE,
    /** The remote refused the credentials, or its SSH host key is not in known_hosts. */
    AUTHENTICATION,
    /** The branch has never been seen on the remote. */
    BRANCH_NOT_FOUND,
    /** The branch existed and is gone from the remote. */
    BRANCH_DELETED,
    /** The branch was force-pushed and the source does not follow rewrites. */
    HISTORY_REWRITTEN,
    /** The local mirror was unreadable and re-cloning it failed. */
    CORRUPT_MIRROR,
    /** The mirror would grow beyond the source's size limit. */
    TOO_LARGE,
    /** A push was still rejected after the bounded retries. */
    PUSH_REJECTED,
    /** Anything else (a local I/O failure, an unexpected server answer). */
    OTHER
  }

  private static final java.util.regex.Pattern USER_INFO =
      java.util.regex.Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]*@");

  private final Reason reason;
  private final transient Snapshot lastGood;

  public GitSourceException(GitSource source, String what, Throwable cause) {
    this(source, Reason.OTHER, what, cause, null);
  }

  public GitSourceException(
      GitSource source, Reason reason, String what, Throwable cause, Snapshot lastGood) {
    super(message(source, what, cause), cause);
    this.reason = reason;
    this.lastGood = lastGood;
  }

  // A URL's user-info (a token or password) is cut out, also where the cause repeats the URL.
  private static String message(GitSource source, String what, Throwable cause) {
    String text =
        "source "
            + source.name()
            + " ("
            + source.displayUrl()
            + ", branch "
            + source.branch()
            + "): "
            + what
            + (cause == null ? "" : ": " + cause.getMessage());
    return USER_INFO.matcher(text.replace(source.url(), source.displayUrl())).replaceAll("$1");
  }

  public Reason reason() {
    return reason;
  }

  /** The last snapshot read successfully before this failure, if any. */
  public Optional<Snapshot> lastGood() {
    return Optional.ofNullable(lastGood);
  }
}
