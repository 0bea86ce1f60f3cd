package dev.meshplay.gitops.git;

import dev.meshplay.gitops.git.GitSourceException.Reason;
import java.util.Locale;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.PackInvalidException;
import org.eclipse.jgit.errors.PackMismatchException;

/** Sorts JGit's exceptions into the {@link Reason}s a user can act on. */
final class Failures {
  private Failures() {}

  /** The reason of a failure talking to the remote. */
  static Reason ofRemote(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("not authorized")
          || message.contains("authentication")
          || message.contains("auth fail")
          || message.contains("not permitted")
          || message.contains("host key")
          || message.contains("server key")) {
        return Reason.AUTHENTICATION;
      }
    }
    return isLocalCorruption(error) ? Reason.CORRUPT_MIRROR : Reason.UNREACHABLE;
  }

  /** True when the failure comes from the local object database, not from the remote. */
  static boolean isLocalCorruption(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof NoRemoteRepositoryException) {
        return false;
      }
      if (t instanceof MissingObjectException
          || t instanceof CorruptObjectException
          || t instanceof PackInvalidException
          || t instanceof PackMismatchException) {
        return true;
      }
    }
    return false;
  }
}
