package dev.meshplay.gitops.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;

/**
 * A bare local mirror of one source's branch, kept on disk across restarts.
 *
 * <p>{@link #poll()} costs one ls-remote round trip when nothing changed; it fetches only when the
 * branch tip moved.
 */
public final class SourceMirror implements AutoCloseable {
  private final GitSource source;
  private final Repository mirror;

  private SourceMirror(GitSource source, Repository mirror) {
    this.source = source;
    this.mirror = mirror;
  }

  /** Opens (or creates) the mirror of {@code source} under {@code cacheDir}. */
  public static SourceMirror open(GitSource source, Path cacheDir) {
    Path dir = cacheDir.resolve(source.name() + ".git");
    try {
      Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
      if (!Files.exists(dir.resolve("HEAD"))) {
        repository.create(true);
      }
      return new SourceMirror(source, repository);
    } catch (IOException e) {
      throw new GitSourceException(source, "cannot open mirror " + dir, e);
    }
  }

  public GitSource source() {
    return source;
  }

  /** Asks the remote where the branch is, fetches it if it moved, and returns the tip. */
  public PollResult poll() {
    ObjectId remoteTip = remoteTip();
    ObjectId localTip = localTip().orElse(null);
    boolean fetched = false;
    if (!remoteTip.equals(localTip)) {
      fetch();
      fetched = true;
    }
    return new PollResult(snapshot(remoteTip), fetched);
  }

  /** The outcome of one poll: the branch tip, and whether it had to be fetched. */
  public record PollResult(Snapshot snapshot, boolean fetched) {}

  private ObjectId remoteTip() {
    try {
      Collection<Ref> refs = Git.lsRemoteRepository().setRemote(source.url()).setHeads(true).call();
      return refs.stream()
          .filter(ref -> ref.getName().equals(source.ref()))
          .map(Ref::getObjectId)
          .findFirst()
          .orElseThrow(() -> new GitSourceException(source, "branch not found on remote", null));
    } catch (GitAPIException | RuntimeException e) {
      if (e instanceof GitSourceException known) {
        throw known;
      }
      throw new GitSourceException(source, "cannot list remote refs", e);
    }
  }

  private Optional<ObjectId> localTip() {
    try {
      return Optional.ofNullable(mirror.resolve(source.ref()));
    } catch (IOException e) {
      throw new GitSourceException(source, "cannot read mirror", e);
    }
  }

  private void fetch() {
    try (Git git = Git.wrap(mirror)) {
      git.fetch()
          .setRemote(source.url())
          .setRefSpecs(new RefSpec("+" + source.ref() + ":" + source.ref()))
          .call();
    } catch (GitAPIException | RuntimeException e) {
      throw new GitSourceException(source, "cannot fetch", e);
    }
  }

  private Snapshot snapshot(ObjectId commitId) {
    try (RevWalk walk = new RevWalk(mirror)) {
      RevCommit commit = walk.parseCommit(commitId);
      return new Snapshot(
          source,
          commit.name(),
          commit.getAuthorIdent().getName(),
          commit.getShortMessage(),
          Instant.ofEpochSecond(commit.getCommitTime()),
          new CommitFiles(mirror, commit.getTree().getId()));
    } catch (IOException e) {
      throw new GitSourceException(source, "cannot read commit " + commitId.name(), e);
    }
  }

  @Override
  public void close() {
    mirror.close();
  }
}
