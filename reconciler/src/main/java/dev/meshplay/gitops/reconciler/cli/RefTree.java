package dev.meshplay.gitops.reconciler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of one ref of a local repository, in a temporary directory. Uses the {@code git}
 * command a CI job already has: the ref may be anything git understands ({@code origin/main}, a
 * tag, a commit id), which a mirror of tracked refs cannot resolve.
 */
final class RefTree implements AutoCloseable {
  private final Path dir;

  private RefTree(Path dir) {
    this.dir = dir;
  }

  static RefTree extract(Path repo, String ref) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("meshplay-plan-");
    Path tar = dir.resolve(".tree.tar");
    run(
        repo,
        List.of("git", "-C", repo.toString(), "archive", "--format=tar", "-o", tar.toString(), ref),
        ref);
    run(repo, List.of("tar", "-xf", tar.toString(), "-C", dir.toString()), ref);
    Files.delete(tar);
    return new RefTree(dir);
  }

  /** The full commit id {@code ref} names. */
  static String commitOf(Path repo, String ref) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("git", "-C", repo.toString(), "rev-parse", "--verify", ref + "^{commit}")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    if (p.waitFor() != 0) {
      throw new IOException("git: cannot resolve '" + ref + "' in " + repo + ": " + out);
    }
    return out;
  }

  Path dir() {
    return dir;
  }

  private static void run(Path repo, List<String> command, String ref)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    if (p.waitFor() != 0) {
      throw new IOException("cannot read ref '" + ref + "' of " + repo + ": " + out);
    }
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
