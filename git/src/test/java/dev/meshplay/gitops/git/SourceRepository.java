package dev.meshplay.gitops.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;

/** A real repository with a working tree on disk, for tests to commit into. */
final class SourceRepository implements AutoCloseable {
  private final Git git;
  private final Path dir;

  private SourceRepository(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  static SourceRepository init(Path dir) throws GitAPIException {
    return new SourceRepository(
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
  }

  static SourceRepository open(Path dir) throws IOException {
    return new SourceRepository(Git.open(dir.toFile()), dir);
  }

  Path dir() {
    return dir;
  }

  Git git() {
    return git;
  }

  RevCommit commit(String message, String path, String content)
      throws IOException, GitAPIException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    git.add().addFilepattern(path).call();
    return git.commit().setMessage(message).setAuthor("Ada", "ada@example.com").call();
  }

  /** Points {@code ref} at {@code commit}, as a server does when a pull request is pushed. */
  void setRef(String ref, RevCommit commit) throws IOException {
    RefUpdate update = git.getRepository().updateRef(ref);
    update.setNewObjectId(commit);
    update.setForceUpdate(true);
    update.update();
  }

  /** Deletes {@code ref} (a pull request closed, a branch deleted). */
  void deleteRef(String ref) throws IOException {
    if (ref.equals(git.getRepository().getFullBranch())) {
      git.getRepository().updateRef("HEAD", true).link("refs/heads/elsewhere");
    }
    RefUpdate update = git.getRepository().updateRef(ref);
    update.setForceUpdate(true);
    update.delete();
  }

  /** Replaces the branch tip by a new commit on its parent: a force-push. */
  RevCommit rewrite(String message, String path, String content)
      throws IOException, GitAPIException {
    git.reset().setMode(ResetCommand.ResetType.HARD).setRef("HEAD~1").call();
    return commit(message, path, content);
  }

  @Override
  public void close() {
    git.close();
  }
}
