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
}
