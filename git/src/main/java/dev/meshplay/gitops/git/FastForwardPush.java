package dev.meshplay.gitops.git;

import dev.meshplay.gitops.git.GitSourceException.Reason;
import java.io.IOException;
import java.util.List;
import java.util.random.RandomGenerator;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;

/**
 * The write loop shared by commits and notes: read the remote tip, build on it, push with the tip
 * as the expected old value (never forced); when someone else moved the ref meanwhile, wait
 * (backoff) and build again on the new tip, a bounded number of times.
 */
final class FastForwardPush {

  /** Builds the new tip on {@code remoteTip} (null when the ref does not exist yet). */
  interface Build {
    /** The new commit, or null when nothing needs to change. */
    ObjectId on(ObjectId remoteTip) throws IOException;
  }

  private final SourceMirror mirror;
  private final Backoff backoff;
  private final int maxAttempts;
  private final RandomGenerator random;

  FastForwardPush(SourceMirror mirror, Backoff backoff, int maxAttempts, RandomGenerator random) {
    this.mirror = mirror;
    this.backoff = backoff;
    this.maxAttempts = maxAttempts;
    this.random = random;
  }

  PushOutcome push(String remoteRef, Build build) {
    Repository repository = mirror.repository();
    for (int attempt = 1; ; attempt++) {
      ObjectId tip;
      ObjectId next;
      RemoteRefUpdate.Status status;
      try {
        tip = fetchTip(remoteRef);
        try {
          next = build.on(tip);
        } catch (IOException e) {
          throw mirror.fail(Reason.OTHER, "cannot build the commit for " + remoteRef, e);
        }
        if (next == null) {
          return new PushOutcome(remoteRef, tip == null ? null : tip.name(), attempt, false);
        }
        status = pushOnce(repository, remoteRef, next, tip);
      } catch (GitSourceException e) {
        // A connection dropped mid-way is tried again from the fetch: if the push did land, the
        // next build finds nothing to change, so a retry never writes the change twice.
        if (e.reason() != Reason.UNREACHABLE || attempt >= maxAttempts) {
          throw e;
        }
        sleep(backoff.delay(attempt, random).toMillis());
        continue;
      }
      switch (status) {
        case OK, UP_TO_DATE -> {
          keep(repository, remoteRef, next);
          return new PushOutcome(remoteRef, next.name(), attempt, true);
        }
        case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED, REJECTED_OTHER_REASON -> {
          if (attempt >= maxAttempts) {
            throw mirror.fail(
                Reason.PUSH_REJECTED,
                "push to "
                    + remoteRef
                    + " still rejected ("
                    + status
                    + ") after "
                    + attempt
                    + " attempts",
                null);
          }
          sleep(backoff.delay(attempt, random).toMillis());
        }
        default ->
            throw mirror.fail(Reason.PUSH_REJECTED, "push to " + remoteRef + ": " + status, null);
      }
    }
  }

  /** The remote tip of {@code ref}, with its objects fetched into the mirror; null if absent. */
  ObjectId fetchTip(String ref) {
    Repository repository = mirror.repository();
    try {
      return mirror.remote().call(() -> fetchTip(repository, ref));
    } catch (NotSupportedException | TransportException e) {
      throw mirror.fail(Failures.ofRemote(e), "cannot read " + ref + " before pushing", e);
    } catch (IOException e) {
      throw mirror.fail(Reason.CORRUPT_MIRROR, "cannot read the mirror", e);
    }
  }

  private ObjectId fetchTip(Repository repository, String ref) throws IOException {
    try (Transport transport = mirror.remote().open(repository)) {
      ObjectId tip;
      try (FetchConnection connection = transport.openFetch(List.of(), ref)) {
        Ref remote = connection.getRef(ref);
        tip = remote == null ? null : remote.getObjectId();
      }
      if (tip != null && !repository.getObjectDatabase().has(tip)) {
        transport.setTagOpt(TagOpt.NO_TAGS);
        transport.fetch(
            NullProgressMonitor.INSTANCE, List.of(new RefSpec("+" + ref + ":" + scratch(ref))));
      }
      return tip;
    }
  }

  private RemoteRefUpdate.Status pushOnce(
      Repository repository, String remoteRef, ObjectId next, ObjectId tip) {
    try {
      return mirror
          .remote()
          .call(
              () -> {
                try (Transport transport = mirror.remote().open(repository)) {
                  RemoteRefUpdate update =
                      new RemoteRefUpdate(
                          repository,
                          null,
                          next,
                          remoteRef,
                          false,
                          null,
                          tip == null ? ObjectId.zeroId() : tip);
                  transport.push(NullProgressMonitor.INSTANCE, List.of(update));
                  return update.getStatus();
                }
              });
    } catch (NotSupportedException | TransportException e) {
      throw mirror.fail(Failures.ofRemote(e), "cannot push " + remoteRef, e);
    } catch (IOException e) {
      throw mirror.fail(Reason.OTHER, "cannot prepare the push of " + remoteRef, e);
    }
  }

  // Fetched tips of written refs live apart from the tracked refs, so polling still sees the
  // daemon's own commits as changes of the branch.
  static String scratch(String ref) {
    return "refs/meshplay/push/" + ref.substring("refs/".length());
  }

  private void keep(Repository repository, String remoteRef, ObjectId next) {
    try {
      MirrorRepository.setRef(repository, scratch(remoteRef), next);
    } catch (IOException e) {
      throw mirror.fail(Reason.OTHER, "pushed " + remoteRef + " but cannot record it locally", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry a push", e);
    }
  }
}
