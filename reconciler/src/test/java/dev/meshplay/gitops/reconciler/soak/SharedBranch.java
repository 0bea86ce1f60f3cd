package dev.meshplay.gitops.reconciler.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A bare repository's {@code main}, written through a clone as a user would while the daemon pushes
 * benchmark results to the same branch: each commit is rebased on the daemon's and pushed again
 * when the daemon got there first.
 */
public final class SharedBranch implements AutoCloseable {
  private static final int ATTEMPTS = 20;

  private final Git remote;
  private final Git clone;
  private final Path work;

  private SharedBranch(Git remote, Git clone, Path work) {
    this.remote = remote;
    this.clone = clone;
    this.work = work;
  }

  public static SharedBranch create(Path dir) throws GitAPIException {
    Git remote =
        Git.init()
            .setBare(true)
            .setDirectory(dir.resolve("remote.git").toFile())
            .setInitialBranch("main")
            .call();
    Git clone =
        Git.cloneRepository()
            .setURI(dir.resolve("remote.git").toUri().toString())
            .setDirectory(dir.resolve("clone").toFile())
            .call();
    return new SharedBranch(remote, clone, dir.resolve("clone"));
  }

  /** The bare repository the daemon follows. */
  public Path remoteDir() {
    return remote.getRepository().getDirectory().toPath();
  }

  /** Writes (or, for null content, deletes) one file, commits and pushes; returns the commit. */
  public String commit(String path, String content, String message) throws Exception {
    Exception last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        return tryCommit(path, content, message);
      } catch (IllegalStateException | GitAPIException e) {
        last = e; // the daemon pushed in between: pull again and retry
        Thread.sleep(100L * (attempt + 1));
      }
    }
    throw new IllegalStateException("could not push '" + message + "'", last);
  }

  private String tryCommit(String path, String content, String message) throws Exception {
    if (remote.getRepository().resolve("refs/heads/main") != null) {
      var pull = clone.pull().setRemoteBranchName("main").setRebase(true).call();
      if (!pull.isSuccessful()) {
        clone.rebase().setOperation(org.eclipse.jgit.api.RebaseCommand.Operation.ABORT).call();
        throw new IllegalStateException("pull failed: " + pull);
      }
    }
    Path file = work.resolve(path);
    if (content == null) {
      Files.deleteIfExists(file);
      clone.rm().addFilepattern(path).call();
    } else {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      clone.add().addFilepattern(path).call();
    }
    if (!clone.status().call().isClean()) {
      clone.commit().setMessage(message).setAuthor("Ada", "ada@example.com").setSign(false).call();
    }
    for (var result : clone.push().setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call()) {
      for (var update : result.getRemoteUpdates()) {
        if (update.getStatus() != RemoteRefUpdate.Status.OK
            && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
          throw new IllegalStateException("push " + update.getStatus());
        }
      }
    }
    return clone.getRepository().resolve("HEAD").name();
  }

  /** The tip of {@code main} in the bare repository. */
  public String tip() throws IOException {
    ObjectId tip = remote.getRepository().resolve("refs/heads/main");
    return tip == null ? null : tip.name();
  }

  /** A file at the tip of {@code main}, as a user would read it after a pull. */
  public Optional<String> file(String path) throws IOException {
    Repository repository = remote.getRepository();
    ObjectId tip = repository.resolve("refs/heads/main");
    if (tip == null) {
      return Optional.empty();
    }
    try (RevWalk walk = new RevWalk(repository);
        TreeWalk tree = TreeWalk.forPath(repository, path, walk.parseCommit(tip).getTree())) {
      return tree == null
          ? Optional.empty()
          : Optional.of(
              new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
    }
  }

  /** How many files under {@code dir} at the tip. */
  public int countFiles(String dir) throws IOException {
    Repository repository = remote.getRepository();
    ObjectId tip = repository.resolve("refs/heads/main");
    try (RevWalk walk = new RevWalk(repository);
        TreeWalk tree = new TreeWalk(repository)) {
      tree.addTree(walk.parseCommit(tip).getTree());
      tree.setRecursive(true);
      int count = 0;
      while (tree.next()) {
        if (tree.getPathString().startsWith(dir)) {
          count++;
        }
      }
      return count;
    }
  }

  @Override
  public void close() {
    clone.close();
    remote.close();
  }
}
