package dev.meshplay.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Change events for the branch and pull-request refs, from one ls-remote per poll. */
class RefEventsTest {
  @TempDir Path tmp;

  @Test
  void firstPollReportsTheBranchAndOpenPullRequestsAsAppeared() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"));
        SourceMirror mirror = SourceMirror.open(withPulls(origin), tmp.resolve("cache"))) {
      RevCommit main = origin.commit("one", "a.yaml", "a: 1\n");
      origin.setRef("refs/pull/7/head", main);

      List<RefEvent> events = mirror.poll().events();

      assertThat(events)
          .containsExactly(
              new RefEvent.Appeared("demo", "refs/heads/main", main.name()),
              new RefEvent.Appeared("demo", "refs/pull/7/head", main.name()));
    }
  }

  @Test
  void pullRequestRefsThatMoveAppearAndDisappearAreReportedOnce() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"));
        SourceMirror mirror = SourceMirror.open(withPulls(origin), tmp.resolve("cache"))) {
      RevCommit main = origin.commit("one", "a.yaml", "a: 1\n");
      origin.setRef("refs/pull/7/head", main);
      mirror.poll();
      RevCommit pr = origin.commit("pr work", "b.yaml", "b: 1\n");
      origin.setRef("refs/pull/7/head", pr);
      origin.setRef("refs/pull/8/head", main);
      origin.setRef("refs/heads/pr/fix", main);
      origin.setRef("refs/heads/other", pr);

      SourceMirror.PollResult moved = mirror.poll();

      assertThat(moved.events())
          .containsExactly(
              new RefEvent.Moved("demo", "refs/heads/main", main.name(), pr.name()),
              new RefEvent.Appeared("demo", "refs/heads/pr/fix", main.name()),
              new RefEvent.Moved("demo", "refs/pull/7/head", main.name(), pr.name()),
              new RefEvent.Appeared("demo", "refs/pull/8/head", main.name()));
      assertThat(mirror.snapshot("refs/pull/7/head").files().paths())
          .containsExactly("a.yaml", "b.yaml");

      origin.deleteRef("refs/pull/7/head");
      assertThat(mirror.poll().events())
          .containsExactly(new RefEvent.Disappeared("demo", "refs/pull/7/head", pr.name()));
      assertThat(mirror.poll().events()).isEmpty();
      assertThat(mirror.trackedRefs()).doesNotContainKey("refs/pull/7/head");
    }
  }

  @Test
  void noChangeCostsOneRemoteCallAndNoFetch() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"));
        SourceMirror mirror = SourceMirror.open(withPulls(origin), tmp.resolve("cache"))) {
      RevCommit main = origin.commit("one", "a.yaml", "a: 1\n");
      origin.setRef("refs/pull/1/head", main);
      assertThat(mirror.poll().remoteCalls()).isEqualTo(2);

      SourceMirror.PollResult again = mirror.poll();

      assertThat(again.remoteCalls()).isEqualTo(1);
      assertThat(again.fetched()).isFalse();
      assertThat(again.events()).isEmpty();
    }
  }

  @Test
  void forcePushedBranchIsFollowedAndReportedAsRewritten() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"));
        SourceMirror mirror = SourceMirror.open(source(origin), tmp.resolve("cache"))) {
      origin.commit("one", "a.yaml", "a: 1\n");
      RevCommit two = origin.commit("two", "a.yaml", "a: 2\n");
      mirror.poll();

      RevCommit replaced = origin.rewrite("two, amended", "a.yaml", "a: 3\n");
      SourceMirror.PollResult result = mirror.poll();

      assertThat(result.events())
          .containsExactly(
              new RefEvent.Rewritten("demo", "refs/heads/main", two.name(), replaced.name()));
      assertThat(result.snapshot().commitId()).isEqualTo(replaced.name());
    }
  }

  @Test
  void firstFetchIsShallowAndLaterFetchesStillTellMovesFromRewrites() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"));
        SourceMirror mirror = SourceMirror.open(source(origin), tmp.resolve("cache"))) {
      origin.commit("one", "a.yaml", "a: 1\n");
      origin.commit("two", "a.yaml", "a: 2\n");
      RevCommit three = origin.commit("three", "a.yaml", "a: 3\n");
      mirror.poll();
      assertThat(mirror.repository().getObjectDatabase().getShallowCommits()).contains(three);

      RevCommit four = origin.commit("four", "a.yaml", "a: 4\n");
      assertThat(mirror.poll().events())
          .containsExactly(
              new RefEvent.Moved("demo", "refs/heads/main", three.name(), four.name()));
      RevCommit other = origin.rewrite("four, amended", "a.yaml", "a: 5\n");
      assertThat(mirror.poll().events())
          .containsExactly(
              new RefEvent.Rewritten("demo", "refs/heads/main", four.name(), other.name()));
    }
  }

  @Test
  void subPathRootsTheSnapshotFiles() throws Exception {
    try (SourceRepository origin = SourceRepository.init(tmp.resolve("origin"));
        SourceMirror mirror =
            SourceMirror.open(source(origin).withSubPath("deploy/"), tmp.resolve("cache"))) {
      origin.commit("one", "deploy/designs/app.yaml", "name: app\n");
      origin.commit("two", "README.md", "hi\n");

      Snapshot snapshot = mirror.poll().snapshot();

      assertThat(snapshot.files().paths()).containsExactly("designs/app.yaml");
      Path materialized;
      try (MaterializedTree tree = snapshot.files().materialize(tmp.resolve("scratch"))) {
        materialized = tree.dir();
        assertThat(materialized.resolve("designs/app.yaml")).hasContent("name: app");
      }
      assertThat(materialized).doesNotExist();
    }
  }

  private static GitSource source(SourceRepository origin) {
    return new GitSource("demo", origin.dir().toString(), "main");
  }

  private static GitSource withPulls(SourceRepository origin) {
    return source(origin).withPullRequestRefs(List.of("refs/pull/*/head", "pr/*"));
  }
}
