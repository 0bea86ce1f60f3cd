package dev.meshplay.gitops.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/** Creates a repository with a working tree, as a user's clone would be (used by the demo). */
public final class LocalRepository {
  private LocalRepository() {}

  /**
   * Makes {@code dir} a repository on branch {@code main} whose first commit holds the files
   * already in it. Does nothing when {@code dir} is already a repository, so a user's commits
   * survive a restart.
   *
   * @return true when the repository was created
   */
  public static boolean initWithFiles(Path dir, String message) {
    if (Files.isDirectory(dir.resolve(".git"))) {
      return false;
    }
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage(message)
          .setAuthor("Meshplay GitOps demo", "demo@meshplay.invalid")
          .setCommitter("Meshplay GitOps demo", "demo@meshplay.invalid")
          .setSign(false)
          .call();
      return true;
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot create a repository in " + dir + ": " + e, e);
    }
  }

  /** True when {@code dir} holds a repository. */
  public static boolean exists(Path dir) throws IOException {
    return Files.isDirectory(dir.resolve(".git"));
  }

  /**
   * After the daemon pushed to the branch a local repository has checked out (the demo's), brings
   * {@code paths} in its index and working tree up to the new tip, so the user's next commit keeps
   * them instead of reverting them. Does nothing when {@code dir} has no working tree or another
   * branch is checked out.
   *
   * @throws IllegalStateException when the index is locked or the checkout fails
   */
  public static void refreshCheckedOut(
      Path dir, String branch, java.util.Collection<String> paths) {
    if (!Files.isDirectory(dir.resolve(".git")) || paths.isEmpty()) {
      return;
    }
    try (Git git = Git.open(dir.toFile())) {
      if (!("refs/heads/" + branch).equals(git.getRepository().getFullBranch())) {
        return;
      }
      var checkout = git.checkout().setStartPoint("HEAD");
      paths.forEach(checkout::addPath);
      checkout.call();
    } catch (IOException | GitAPIException e) {
      throw new IllegalStateException("cannot refresh the working tree of " + dir + ": " + e, e);
    }
  }
}
