package dev.meshplay.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.meshplay.gitops.git.GitSourceException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each failure a remote or a disk can cause: a typed error, and the last good snapshot kept. */
class SourceFailuresTest {
  @TempDir Path tmp;

  @Test
  void deletedBranchIsATypedErrorAndTheLastGoodSnapshotStays() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"));
        SourceMirror mirror = SourceMirror.open(source(origin), tmp.resolve("cache"))) {
      RevCommit one = origin.commit("one", "a.yaml", "a: 1\n");
      mirror.poll();
      origin.deleteRef("refs/heads/main");

      GitSourceException error = catchThrowableOfType(GitSourceException.class, mirror::poll);

      assertThat(error.reason()).isEqualTo(Reason.BRANCH_DELETED);
      assertThat(error).hasMessageContaining("source demo").hasMessageContaining("branch main");
      assertThat(error.lastGood()).map(Snapshot::commitId).contains(one.name());
      assertThat(mirror.lastGood()).map(Snapshot::commitId).contains(one.name());
      assertThat(mirror.snapshot("refs/heads/main").files().paths()).containsExactly("a.yaml");
    }
  }

  @Test
  void remoteDownThenBackIsUnreachableThenResumesWithTheMissedChange() throws Exception {
    Path dir = tmp.resolve("origin");
    try (SourceMirror mirror =
        SourceMirror.open(new GitSource("demo", dir.toString(), "main"), tmp.resolve("cache"))) {
      RevCommit one;
      try (SourceRepository origin = SourceRepository.init(dir)) {
        one = origin.commit("one", "a.yaml", "a: 1\n");
      }
      mirror.poll();
      Files.move(dir, tmp.resolve("away"));

      GitSourceException down = catchThrowableOfType(GitSourceException.class, mirror::poll);
      assertThat(down.reason()).isEqualTo(Reason.UNREACHABLE);
      assertThat(down.lastGood()).map(Snapshot::commitId).contains(one.name());

      Files.move(tmp.resolve("away"), dir);
      RevCommit two;
      try (SourceRepository origin = SourceRepository.open(dir)) {
        two = origin.commit("two", "a.yaml", "a: 2\n");
      }
      assertThat(mirror.poll().events())
          .containsExactly(new RefEvent.Moved("demo", "refs/heads/main", one.name(), two.name()));
    }
  }

  @Test
  void refusedRewriteIsATypedErrorAndLeavesTheMirrorOnTheOldTip() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"));
        SourceMirror mirror =
            SourceMirror.open(
                source(origin).withFollowRewrites(false).withShallow(false),
                tmp.resolve("cache"))) {
      origin.commit("one", "a.yaml", "a: 1\n");
      RevCommit two = origin.commit("two", "a.yaml", "a: 2\n");
      mirror.poll();
      origin.rewrite("two, amended", "a.yaml", "a: 3\n");

      GitSourceException error = catchThrowableOfType(GitSourceException.class, mirror::poll);

      assertThat(error.reason()).isEqualTo(Reason.HISTORY_REWRITTEN);
      assertThat(error).hasMessageContaining("force-pushed from " + two.name());
      assertThat(mirror.trackedRefs()).containsEntry("refs/heads/main", two.name());
    }
  }

  @Test
  void corruptMirrorIsDeletedAndClonedAgainWithoutReplayingEvents() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"))) {
      RevCommit one = origin.commit("one", "a.yaml", "a: 1\n");
      Path cache = tmp.resolve("cache");
      try (SourceMirror mirror = SourceMirror.open(source(origin), cache)) {
        mirror.poll();
      }
      Path objects = cache.resolve("demo.git/objects");
      try (Stream<Path> files = Files.walk(objects)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          FileUtils.delete(file.toFile());
        }
      }
      try (SourceMirror mirror = SourceMirror.open(source(origin), cache)) {
        SourceMirror.PollResult result = mirror.poll();

        assertThat(result.snapshot().commitId()).isEqualTo(one.name());
        assertThat(result.snapshot().files().paths()).containsExactly("a.yaml");
        assertThat(result.recloned()).isTrue();
        assertThat(result.events()).isEmpty();
      }
    }
  }

  @Test
  void unreadableMirrorDirectoryIsRecreatedOnOpen() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"))) {
      origin.commit("one", "a.yaml", "a: 1\n");
      Path cache = tmp.resolve("cache");
      Files.createDirectories(cache.resolve("demo.git"));
      Files.writeString(cache.resolve("demo.git/garbage"), "not a repository");

      try (SourceMirror mirror = SourceMirror.open(source(origin), cache)) {
        assertThat(mirror.poll().snapshot().files().paths()).containsExactly("a.yaml");
      }
    }
  }

  @Test
  void repositoryOverTheSizeLimitIsRefusedAndNothingMoves() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"));
        SourceMirror mirror =
            SourceMirror.open(source(origin).withSizeLimit(200_000), tmp.resolve("cache"))) {
      RevCommit small = origin.commit("one", "a.yaml", "a: 1\n");
      mirror.poll();
      byte[] noise = new byte[400_000];
      new java.util.Random(1).nextBytes(noise);
      Files.write(origin.dir().resolve("big.bin"), noise);
      origin.git().add().addFilepattern("big.bin").call();
      origin.git().commit().setMessage("big").setAuthor("Ada", "ada@example.com").call();

      GitSourceException error = catchThrowableOfType(GitSourceException.class, mirror::poll);

      assertThat(error.reason()).isEqualTo(Reason.TOO_LARGE);
      assertThat(error).hasMessageContaining("over the limit of 200000");
      assertThat(mirror.trackedRefs()).containsEntry("refs/heads/main", small.name());
    }
  }

  @Test
  void badPathIsUnreachableWithTheSourceAndUrlNamed() {
    GitSource missing = new GitSource("demo", tmp.resolve("nowhere").toString(), "main");
    try (SourceMirror mirror = SourceMirror.open(missing, tmp.resolve("cache"))) {
      GitSourceException error = catchThrowableOfType(GitSourceException.class, mirror::poll);
      assertThat(error.reason()).isEqualTo(Reason.UNREACHABLE);
      assertThat(error.lastGood()).isEmpty();
    }
  }

  @Test
  void credentialsWrittenInTheUrlNeverReachTheMessage() throws Exception {
    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    GitSource withToken =
        new GitSource("demo", "https://reader:s3cret@127.0.0.1:" + closed + "/repo.git", "main");
    try (SourceMirror mirror = SourceMirror.open(withToken, tmp.resolve("cache"))) {
      GitSourceException error = catchThrowableOfType(GitSourceException.class, mirror::poll);
      assertThat(error.reason()).isEqualTo(Reason.UNREACHABLE);
      assertThat(error.getMessage())
          .contains("https://127.0.0.1:" + closed + "/repo.git")
          .doesNotContain("s3cret")
          .doesNotContain("reader@");
    }
    assertThat(withToken.displayUrl()).isEqualTo("https://127.0.0.1:" + closed + "/repo.git");
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void aRemoteThatAcceptsAndNeverAnswersTimesOut() throws Exception {
    try (java.net.ServerSocket silent =
        new java.net.ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  java.net.Socket held = silent.accept();
                  held.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (java.io.IOException e) {
                  // The test is over.
                }
              });
      GitSource stalled =
          new GitSource("demo", "git://127.0.0.1:" + silent.getLocalPort() + "/repo", "main")
              .withTimeout(java.time.Duration.ofSeconds(1));
      try (SourceMirror mirror = SourceMirror.open(stalled, tmp.resolve("cache"))) {
        GitSourceException error = catchThrowableOfType(GitSourceException.class, mirror::poll);
        assertThat(error.reason()).isEqualTo(Reason.UNREACHABLE);
        assertThat(error.getMessage()).containsIgnoringCase("timed out");
      }
    }
  }

  @Test
  void aTimeoutUnderOneSecondIsRefusedNamingTheSource() {
    GitSource source = new GitSource("demo", "git://127.0.0.1/repo", "main");
    assertThatThrownBy(() -> source.withTimeout(java.time.Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source demo: timeout must be at least 1s");
  }

  private static GitSource source(SourceRepository origin) {
    return new GitSource("demo", origin.dir().toString(), "main");
  }
}
