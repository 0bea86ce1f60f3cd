package dev.meshplay.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceMirrorTest {
  @TempDir Path tmp;

  @Test
  void pollFetchesTheBranchTipAndReadsItsFilesWithoutACheckout() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"));
        SourceMirror mirror = SourceMirror.open(source(origin), tmp.resolve("cache"))) {
      RevCommit commit = origin.commit("add config", "manifests/cm.yaml", "kind: ConfigMap\n");

      SourceMirror.PollResult result = mirror.poll();

      assertThat(result.fetched()).isTrue();
      Snapshot snapshot = result.snapshot();
      assertThat(snapshot.commitId()).isEqualTo(commit.name());
      assertThat(snapshot.author()).isEqualTo("Ada");
      assertThat(snapshot.message()).isEqualTo("add config");
      assertThat(snapshot.files().paths()).containsExactly("manifests/cm.yaml");
      assertThat(new String(snapshot.files().read("manifests/cm.yaml"), StandardCharsets.UTF_8))
          .isEqualTo("kind: ConfigMap\n");
    }
  }

  @Test
  void pollWithoutANewCommitDoesNotFetchAgain() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"));
        SourceMirror mirror = SourceMirror.open(source(origin), tmp.resolve("cache"))) {
      origin.commit("one", "a.yaml", "a: 1\n");
      mirror.poll();

      SourceMirror.PollResult again = mirror.poll();

      assertThat(again.fetched()).isFalse();
      RevCommit second = origin.commit("two", "a.yaml", "a: 2\n");
      SourceMirror.PollResult moved = mirror.poll();
      assertThat(moved.fetched()).isTrue();
      assertThat(moved.snapshot().commitId()).isEqualTo(second.name());
    }
  }

  @Test
  void mirrorSurvivesARestartWithoutRefetching() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"))) {
      origin.commit("one", "a.yaml", "a: 1\n");
      try (SourceMirror first = SourceMirror.open(source(origin), tmp.resolve("cache"))) {
        first.poll();
      }
      try (SourceMirror reopened = SourceMirror.open(source(origin), tmp.resolve("cache"))) {
        assertThat(reopened.poll().fetched()).isFalse();
      }
    }
  }

  @Test
  void writeToMaterializesTheCommitTree() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"));
        SourceMirror mirror = SourceMirror.open(source(origin), tmp.resolve("cache"))) {
      origin.commit("one", "designs/app/kustomization.yaml", "resources: []\n");

      Path out = tmp.resolve("out");
      mirror.poll().snapshot().files().writeTo(out);

      assertThat(Files.readString(out.resolve("designs/app/kustomization.yaml")))
          .isEqualTo("resources: []\n");
    }
  }

  @Test
  void unreachableRemoteNamesTheSourceAndUrl() {
    GitSource missing = new GitSource("demo", tmp.resolve("nowhere").toString(), "main");
    try (SourceMirror mirror = SourceMirror.open(missing, tmp.resolve("cache"))) {
      assertThatThrownBy(mirror::poll)
          .isInstanceOf(GitSourceException.class)
          .hasMessageContaining("source demo")
          .hasMessageContaining(tmp.resolve("nowhere").toString());
    }
  }

  @Test
  void missingBranchIsReportedByName() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"))) {
      origin.commit("one", "a.yaml", "a: 1\n");
      GitSource wrongBranch = new GitSource("demo", origin.dir().toString(), "release");
      try (SourceMirror mirror = SourceMirror.open(wrongBranch, tmp.resolve("cache"))) {
        assertThatThrownBy(mirror::poll)
            .isInstanceOf(GitSourceException.class)
            .hasMessageContaining("branch release")
            .hasMessageContaining("branch not found on remote");
      }
    }
  }

  @Test
  void invalidSourceNameIsRejectedWithTheName() {
    assertThatThrownBy(() -> new GitSource("Bad_Name", "x", "main"))
        .hasMessageContaining("'Bad_Name'");
  }

  private static GitSource source(SourceRepository origin) {
    return new GitSource("demo", origin.dir().toString(), "main");
  }
}
