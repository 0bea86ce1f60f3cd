package dev.meshplay.gitops.git;

import dev.meshplay.gitops.git.GitSourceException.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bare local mirror of one source's branch and pull-request refs, kept on disk across restarts.
 *
 * <p>{@link #poll()} costs one ls-remote round trip when nothing changed; it fetches only the refs
 * whose tip moved. A mirror found unreadable is deleted and cloned again once, transparently.
 */
public final class SourceMirror implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SourceMirror.class);

  private final GitSource source;
  private final Path dir;
  private final RemoteAccess remote;
  private Repository repository;
  private Snapshot lastGood;

  private SourceMirror(GitSource source, Path dir, Repository repository) {
    this.source = source;
    this.dir = dir;
    this.remote = new RemoteAccess(source);
    this.repository = repository;
  }

  /** Opens (or creates) the mirror of {@code source} under {@code cacheDir}. */
  public static SourceMirror open(GitSource source, Path cacheDir) {
    Path dir = cacheDir.resolve(source.name() + ".git");
    try {
      return new SourceMirror(source, dir, MirrorRepository.open(dir));
    } catch (IOException e) {
      throw new GitSourceException(source, "cannot open mirror " + dir, e);
    }
  }

  public GitSource source() {
    return source;
  }

  /** The outcome of one poll. */
  public record PollResult(
      Snapshot snapshot,
      boolean fetched,
      List<RefEvent> events,
      int remoteCalls,
      boolean recloned) {}

  /**
   * Asks the remote where the tracked refs are, fetches those that moved, and returns the branch
   * tip with the changes seen.
   *
   * @throws GitSourceException naming the source and the {@link GitSourceException.Reason}; the
   *     last good snapshot stays available through {@link #lastGood()}
   */
  public synchronized PollResult poll() {
    PollResult result;
    try {
      result = pass(null, false);
    } catch (MirrorPass.Corrupt corrupt) {
      LOG.warn("source {}: mirror {} is unreadable, cloning it again", source.name(), dir);
      result = reclone(corrupt.known());
    }
    lastGood = result.snapshot();
    return result;
  }

  /** The branch tip of the last successful poll, if any. */
  public synchronized Optional<Snapshot> lastGood() {
    return Optional.ofNullable(lastGood);
  }

  /** The tracked refs as the mirror holds them now: ref name to commit id. */
  public synchronized Map<String, String> trackedRefs() {
    try {
      Map<String, String> refs = new TreeMap<>();
      MirrorRepository.trackedRefs(repository, source).forEach((k, v) -> refs.put(k, v.name()));
      return refs;
    } catch (IOException e) {
      throw fail(Reason.CORRUPT_MIRROR, "cannot read mirror refs", e);
    }
  }

  /** The commit a tracked ref (the branch or a pull-request ref) points at in the mirror. */
  public synchronized Snapshot snapshot(String ref) {
    try {
      ObjectId id = repository.resolve(ref);
      if (id == null) {
        throw fail(Reason.OTHER, "no ref " + ref + " in the mirror", null);
      }
      return snapshot(ref, id);
    } catch (IOException e) {
      throw fail(Reason.CORRUPT_MIRROR, "cannot read " + ref, e);
    }
  }

  private PollResult reclone(Map<String, ObjectId> known) {
    try {
      repository.close();
      MirrorRepository.wipe(dir);
      repository = MirrorRepository.open(dir);
      return pass(known, true);
    } catch (IOException | MirrorPass.Corrupt e) {
      throw fail(
          Reason.CORRUPT_MIRROR, "mirror " + dir + " is unreadable and re-cloning failed", e);
    }
  }

  private PollResult pass(Map<String, ObjectId> known, boolean recloned) {
    MirrorPass.Outcome outcome =
        new MirrorPass(source, dir, repository, remote, this::fail).run(known);
    try {
      return new PollResult(
          snapshot(source.ref(), outcome.tip()),
          outcome.fetched(),
          outcome.events(),
          outcome.remoteCalls(),
          recloned);
    } catch (IOException e) {
      throw new MirrorPass.Corrupt(outcome.baseline(), e);
    }
  }

  Snapshot snapshot(String ref, ObjectId commitId) throws IOException {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = walk.parseCommit(commitId);
      CommitFiles files =
          new CommitFiles(repository, commit.getTree().getId())
              .under(source.subPath())
              .orElseThrow(
                  () ->
                      fail(
                          Reason.OTHER,
                          "sub-path '"
                              + source.subPath()
                              + "' is not a directory in "
                              + ref
                              + " at "
                              + commitId.name(),
                          null));
      return new Snapshot(
          source,
          ref,
          commit.name(),
          commit.getAuthorIdent().getName(),
          commit.getShortMessage(),
          Instant.ofEpochSecond(commit.getCommitTime()),
          files);
    }
  }

  GitSourceException fail(Reason reason, String what, Throwable cause) {
    return new GitSourceException(source, reason, what, cause, lastGood);
  }

  Repository repository() {
    return repository;
  }

  RemoteAccess remote() {
    return remote;
  }

  @Override
  public synchronized void close() {
    repository.close();
    remote.close();
  }
}
