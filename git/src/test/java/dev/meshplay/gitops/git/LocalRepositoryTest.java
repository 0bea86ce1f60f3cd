package dev.meshplay.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRepositoryTest {
  @TempDir Path tmp;

  @Test
  void initCommitsTheFilesAlreadyThereOnMain() throws Exception {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve("designs"));
    Files.writeString(repo.resolve("designs/app.yaml"), "name: app\n");

    assertThat(LocalRepository.initWithFiles(repo, "seed")).isTrue();

    try (SourceMirror mirror =
        SourceMirror.open(new GitSource("demo", repo.toString(), "main"), tmp.resolve("c"))) {
      Snapshot snapshot = mirror.poll().snapshot();
      assertThat(snapshot.message()).isEqualTo("seed");
      assertThat(snapshot.files().paths()).containsExactly("designs/app.yaml");
    }
  }

  @Test
  void initLeavesAnExistingRepositoryAlone() throws Exception {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo);
    Files.writeString(repo.resolve("a.yaml"), "a: 1\n");
    LocalRepository.initWithFiles(repo, "seed");
    Files.writeString(repo.resolve("b.yaml"), "b: 1\n");

    assertThat(LocalRepository.initWithFiles(repo, "again")).isFalse();
    assertThat(LocalRepository.exists(repo)).isTrue();
  }

  @Test
  void filesPushedToTheCheckedOutBranchReachTheWorkingTreeSoTheNextCommitKeepsThem()
      throws Exception {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo);
    Files.writeString(repo.resolve("a.yaml"), "a: 1\n");
    LocalRepository.initWithFiles(repo, "seed");
    try (SourceMirror mirror =
        SourceMirror.open(new GitSource("demo", repo.toString(), "main"), tmp.resolve("c"))) {
      mirror.poll();
      CommitBack back =
          new CommitBack(
              mirror,
              new Identity("bot", "bot@example.invalid"),
              CommitBack.DEFAULT_NOTES_REF,
              new Backoff(java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(50)),
              3);
      back.commit(
          ReportCommit.on("main", "results", new Identity("bot", "bot@example.invalid"))
              .write("results/README.md", "# results\n"));
    }

    LocalRepository.refreshCheckedOut(repo, "main", java.util.List.of("results/README.md"));

    assertThat(repo.resolve("results/README.md")).hasContent("# results");
    try (var git = org.eclipse.jgit.api.Git.open(repo.toFile())) {
      assertThat(git.status().call().isClean()).isTrue();
    }
  }
}
