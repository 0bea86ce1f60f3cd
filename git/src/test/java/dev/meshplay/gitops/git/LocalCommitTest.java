package dev.meshplay.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCommitTest {
  @TempDir Path tmp;

  @Test
  void anyRevisionGitUnderstandsNamesACommitWithItsFiles() throws Exception {
    try (SourceRepository repo = SourceRepository.init(tmp.resolve("repo"))) {
      RevCommit first = repo.commit("one", "designs/a.yaml", "v: 1\n");
      repo.git().tag().setName("v1").call();
      RevCommit second = repo.commit("two", "designs/a.yaml", "v: 2\n");

      try (LocalCommit head = LocalCommit.resolve(repo.dir(), "main");
          LocalCommit previous = LocalCommit.resolve(repo.dir(), "HEAD~1");
          LocalCommit tagged = LocalCommit.resolve(repo.dir(), "v1")) {
        assertThat(head.id()).isEqualTo(second.name());
        assertThat(previous.id()).isEqualTo(first.name());
        assertThat(tagged.id()).isEqualTo(first.name());
        try (MaterializedTree tree = previous.files().materialize(tmp.resolve("out"))) {
          assertThat(Files.readString(tree.dir().resolve("designs/a.yaml"))).isEqualTo("v: 1\n");
        }
      }
    }
  }

  @Test
  void anUnknownRevisionOrADirectoryWithoutARepositoryIsNamed() throws Exception {
    try (SourceRepository repo = SourceRepository.init(tmp.resolve("repo"))) {
      repo.commit("one", "a.yaml", "a: 1\n");

      assertThatThrownBy(() -> LocalCommit.resolve(repo.dir(), "no-such-branch"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'no-such-branch' names no commit in " + repo.dir());
    }
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    assertThatThrownBy(() -> LocalCommit.resolve(plain, "main"))
        .hasMessageContaining(plain + " is not a Git repository");
  }
}
