package dev.meshplay.gitops.reconciler.badinput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * The Git repository the daemon watches: every commit is the good repository plus one case, so a
 * case never inherits the files of the one before it.
 */
public final class CaseRepository implements AutoCloseable {
  private final Git git;
  private final Path dir;

  private CaseRepository(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  public static CaseRepository init(Path dir) throws GitAPIException {
    return new CaseRepository(
        Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
  }

  public Path dir() {
    return dir;
  }

  /** Commits the good repository alone; returns the commit id. */
  public String commitGood() throws IOException, GitAPIException {
    reset();
    return commit("good state");
  }

  /** Commits the good repository with {@code c}'s files and links on top; returns the commit id. */
  public String commitCase(BadInputCase c) throws IOException, GitAPIException {
    reset();
    for (Map.Entry<String, byte[]> file : c.files().entrySet()) {
      Path target = dir.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
    for (Map.Entry<String, String> link : c.symlinks().entrySet()) {
      Path at = dir.resolve(link.getKey());
      Files.createDirectories(at.getParent());
      Files.deleteIfExists(at);
      Files.createSymbolicLink(at, Path.of(link.getValue()));
    }
    return commit("bad input: " + c.id());
  }

  private void reset() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir) && !dir.relativize(p).startsWith(".git")) {
          Files.delete(p);
        }
      }
    }
    for (Map.Entry<String, String> file : GoodRepository.files().entrySet()) {
      Path target = dir.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
  }

  private String commit(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    return git.commit()
        .setMessage(message)
        .setAuthor("Ada", "ada@example.com")
        .setAllowEmpty(true)
        .call()
        .name();
  }

  @Override
  public void close() {
    git.close();
  }
}
