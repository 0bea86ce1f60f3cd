package dev.meshplay.gitops.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
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

  @Override
  public void close() {
    git.close();
  }
}
