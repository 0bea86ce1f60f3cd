package dev.meshplay.gitops.git;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * One commit of a repository on disk, named by any revision git understands (a branch, {@code
 * origin/main}, a tag, {@code HEAD~1}, an id), with its files: what {@code plan --ref} and {@code
 * --base} read in a CI checkout. Closing it releases the repository.
 */
public final class LocalCommit implements AutoCloseable {
  private final Repository repository;
  private final String id;
  private final CommitFiles files;

  private LocalCommit(Repository repository, RevCommit commit) {
    this.repository = repository;
    this.id = commit.name();
    this.files = new CommitFiles(repository, commit.getTree().getId());
  }

  /**
   * @throws IllegalArgumentException when {@code dir} is not a repository or {@code revision} names
   *     no commit in it; the message names both
   */
  public static LocalCommit resolve(Path dir, String revision) {
    Repository repository;
    try {
      repository = Git.open(dir.toFile()).getRepository();
    } catch (IOException e) {
      throw new IllegalArgumentException(dir + " is not a Git repository: " + e.getMessage(), e);
    }
    try (RevWalk walk = new RevWalk(repository)) {
      ObjectId id = repository.resolve(revision + "^{commit}");
      if (id == null) {
        throw new IllegalArgumentException("'" + revision + "' names no commit in " + dir);
      }
      return new LocalCommit(repository, walk.parseCommit(id));
    } catch (IOException | RuntimeException e) {
      repository.close();
      if (e instanceof IllegalArgumentException known) {
        throw known;
      }
      throw new IllegalArgumentException(
          "cannot resolve '" + revision + "' in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The full commit id. */
  public String id() {
    return id;
  }

  public CommitFiles files() {
    return files;
  }

  @Override
  public void close() {
    repository.close();
  }
}
