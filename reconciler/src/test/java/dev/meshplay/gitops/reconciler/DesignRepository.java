package dev.meshplay.gitops.reconciler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** A real design repository on disk that a test commits to, as a user would. */
final class DesignRepository implements AutoCloseable {
  private final Git git;
  private final Path dir;

  private DesignRepository(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  static DesignRepository init(Path dir) throws GitAPIException {
    return new DesignRepository(
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
  }

  Path dir() {
    return dir;
  }

  DesignRepository write(String path, String content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return this;
  }

  DesignRepository delete(String path) throws IOException {
    Files.delete(dir.resolve(path));
    return this;
  }

  /** Commits every change in the working tree; returns the commit id. */
  String commit(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    return git.commit().setMessage(message).setAuthor("Ada", "ada@example.com").call().name();
  }

  @Override
  public void close() {
    git.close();
  }
}
