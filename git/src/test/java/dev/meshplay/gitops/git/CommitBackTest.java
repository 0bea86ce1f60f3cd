package dev.meshplay.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.meshplay.gitops.git.GitSourceException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.notes.NoteMap;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.Daemon;
import org.eclipse.jgit.transport.ReceivePack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report commits and notes land by fast-forward only, surviving a writer racing in between. */
class CommitBackTest {
  static final Identity BOT = new Identity("Meshplay GitOps", "bot@meshplay.invalid");
  static final Backoff QUICK = new Backoff(Duration.ofMillis(1), Duration.ofMillis(20));

  @TempDir Path tmp;
  private BareRemote origin;
  private RevCommit seed;

  @BeforeEach
  void origin() throws Exception {
    origin = BareRemote.init(tmp.resolve("origin.git"));
    seed = origin.commit("main", "results/old.json", "{}", "seed");
  }

  @Test
  void filesLandAsOneCommitOnTheBranchAndTheNextPollSeesIt() throws Exception {
    try (SourceMirror mirror =
        SourceMirror.open(source(origin.dir().toString()), tmp.resolve("c"))) {
      mirror.poll();
      CommitBack back = new CommitBack(mirror, BOT, CommitBack.DEFAULT_NOTES_REF, QUICK, 3);

      PushOutcome outcome =
          back.commit(
              ReportCommit.on("main", "{source}: report on {parent} ({files} files)", BOT)
                  .delete("results")
                  .write("results/run-1.json", "{\"p99\": 12}")
                  .write("results/summary.md", "# ok\n"));

      assertThat(outcome.changed()).isTrue();
      assertThat(outcome.attempts()).isEqualTo(1);
      assertThat(origin.log("main"))
          .containsExactly("demo: report on " + seed.abbreviate(7).name() + " (3 files)", "seed");
      Snapshot next = mirror.poll().snapshot();
      assertThat(next.commitId()).isEqualTo(outcome.commitId());
      assertThat(next.files().paths()).containsExactly("results/run-1.json", "results/summary.md");
      assertThat(mirror.poll().events()).isEmpty();
    }
  }

  @Test
  void unchangedFilesPushNothing() throws Exception {
    try (SourceMirror mirror =
        SourceMirror.open(source(origin.dir().toString()), tmp.resolve("c"))) {
      CommitBack back = new CommitBack(mirror, BOT, CommitBack.DEFAULT_NOTES_REF, QUICK, 3);

      PushOutcome outcome =
          back.commit(ReportCommit.on("main", "r", BOT).write("results/old.json", "{}"));

      assertThat(outcome.changed()).isFalse();
      assertThat(outcome.commitId()).isEqualTo(seed.name());
      assertThat(origin.log("main")).containsExactly("seed");
    }
  }

  @Test
  void missingReportBranchStartsFromTheSourceBranch() throws Exception {
    try (SourceMirror mirror =
        SourceMirror.open(source(origin.dir().toString()), tmp.resolve("c"))) {
      CommitBack back = new CommitBack(mirror, BOT, CommitBack.DEFAULT_NOTES_REF, QUICK, 3);

      back.commit(ReportCommit.on("reports", "first report", BOT).write("r.json", "{}"));

      assertThat(origin.log("reports")).containsExactly("first report", "seed");
      assertThat(origin.log("main")).containsExactly("seed");
    }
  }

  @Test
  void aHumanCommitLandingBeforeOurPushIsKeptAndTheReportIsRebuiltOnIt() throws Exception {
    AtomicInteger pushes = new AtomicInteger();
    Daemon daemon =
        serve(
            rp ->
                rp.setPreReceiveHook(
                    (pack, commands) -> {
                      if (pushes.incrementAndGet() == 1) {
                        commitAsHuman("notes.txt", "human was here");
                      }
                    }));
    try (SourceMirror mirror = SourceMirror.open(source(url(daemon)), tmp.resolve("c"))) {
      CommitBack back = new CommitBack(mirror, BOT, CommitBack.DEFAULT_NOTES_REF, QUICK, 3);

      PushOutcome outcome =
          back.commit(ReportCommit.on("main", "report", BOT).write("results/r.json", "{}"));

      assertThat(outcome.attempts()).isEqualTo(2);
      assertThat(origin.log("main")).containsExactly("report", "human", "seed");
      assertLinear("main");
      try (SourceMirror check = SourceMirror.open(source(url(daemon)), tmp.resolve("d"))) {
        assertThat(check.poll().snapshot().files().paths())
            .containsExactly("notes.txt", "results/old.json", "results/r.json");
      }
    } finally {
      daemon.stop();
    }
  }

  @Test
  void rejectionAfterTheLastAttemptIsATypedErrorAndNothingIsForced() throws Exception {
    Daemon daemon =
        serve(rp -> rp.setPreReceiveHook((pack, commands) -> commitAsHuman("h.txt", "again")));
    try (SourceMirror mirror = SourceMirror.open(source(url(daemon)), tmp.resolve("c"))) {
      CommitBack back = new CommitBack(mirror, BOT, CommitBack.DEFAULT_NOTES_REF, QUICK, 2);

      GitSourceException error =
          catchThrowableOfType(
              GitSourceException.class,
              () -> back.commit(ReportCommit.on("main", "report", BOT).write("r.json", "{}")));

      assertThat(error.reason()).isEqualTo(Reason.PUSH_REJECTED);
      assertThat(error).hasMessageContaining("after 2 attempts");
      assertThat(origin.log("main")).containsExactly("human", "human", "seed");
    } finally {
      daemon.stop();
    }
  }

  @Test
  void twoDaemonsAndAHumanWritingAtOnceLoseNothing() throws Exception {
    String url = origin.dir().toString();
    try (SourceMirror a = SourceMirror.open(source(url), tmp.resolve("a"));
        SourceMirror b = SourceMirror.open(source(url), tmp.resolve("b"))) {
      Thread[] writers = {
        writer(new CommitBack(a, BOT, CommitBack.DEFAULT_NOTES_REF, QUICK, 50), "a"),
        writer(new CommitBack(b, BOT, CommitBack.DEFAULT_NOTES_REF, QUICK, 50), "b"),
        Thread.ofPlatform()
            .start(
                () -> {
                  for (int i = 0; i < 5; i++) {
                    commitAsHumanRetrying("human-" + i + ".txt", "x");
                  }
                })
      };
      for (Thread writer : writers) {
        writer.join();
      }

      assertThat(origin.log("main")).hasSize(16).contains("a-0", "a-4", "b-0", "b-4", "seed");
      assertLinear("main");
    }
  }

  @Test
  void notesAreAttachedReplacedAndPushedUnderTheConfiguredRef() throws Exception {
    try (SourceMirror mirror =
        SourceMirror.open(source(origin.dir().toString()), tmp.resolve("c"))) {
      CommitBack back = new CommitBack(mirror, BOT, "refs/notes/perf", QUICK, 3);

      back.note(seed.name(), "p99 12 ms");
      assertThat(noteOn(seed, "refs/notes/perf")).isEqualTo("p99 12 ms");
      PushOutcome replaced = back.note(seed.name(), "p99 10 ms");
      PushOutcome same = back.note(seed.name(), "p99 10 ms");

      assertThat(noteOn(seed, "refs/notes/perf")).isEqualTo("p99 10 ms");
      assertThat(replaced.changed()).isTrue();
      assertThat(same.changed()).isFalse();
      assertThat(origin.log("main")).containsExactly("seed");
    }
  }

  private Thread writer(CommitBack back, String name) {
    return Thread.ofPlatform()
        .start(
            () -> {
              for (int i = 0; i < 5; i++) {
                back.commit(
                    ReportCommit.on("main", name + "-" + i, BOT)
                        .write("results/" + name + "-" + i + ".json", "{}"));
              }
            });
  }

  private void commitAsHuman(String path, String content) {
    try {
      origin.commit("main", path, content, "human");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * As a person at the remote would: when a daemon's push moved the branch between reading it and
   * moving it (the ref update is compare-and-set), commit again on the new tip.
   */
  private void commitAsHumanRetrying(String path, String content) {
    for (int attempt = 0; ; attempt++) {
      try {
        origin.commit("main", path, content, "human");
        return;
      } catch (IOException e) {
        if (attempt == 50) {
          throw new UncheckedIOException(e);
        }
        Thread.onSpinWait();
      }
    }
  }

  private void assertLinear(String branch) throws IOException {
    try (RevWalk walk = new RevWalk(origin.repository())) {
      walk.markStart(walk.parseCommit(origin.repository().resolve(Constants.R_HEADS + branch)));
      for (RevCommit commit : walk) {
        assertThat(commit.getParentCount()).isLessThanOrEqualTo(1);
      }
    }
  }

  private String noteOn(RevCommit commit, String notesRef) throws IOException {
    try (RevWalk walk = new RevWalk(origin.repository())) {
      NoteMap notes =
          NoteMap.read(
              walk.getObjectReader(), walk.parseCommit(origin.repository().resolve(notesRef)));
      ObjectId blob = notes.get(commit);
      return new String(walk.getObjectReader().open(blob).getBytes(), StandardCharsets.UTF_8);
    }
  }

  private interface Hooks {
    void install(ReceivePack pack);
  }

  private Daemon serve(Hooks hooks) throws IOException {
    Daemon daemon = new Daemon(new InetSocketAddress("127.0.0.1", 0));
    daemon.setRepositoryResolver(
        (client, name) -> {
          origin.repository().incrementOpen();
          return origin.repository();
        });
    daemon.setReceivePackFactory(
        (client, repository) -> {
          ReceivePack pack = new ReceivePack(repository);
          hooks.install(pack);
          return pack;
        });
    daemon.getService("git-receive-pack").setEnabled(true);
    daemon.start();
    return daemon;
  }

  private static String url(Daemon daemon) {
    return "git://127.0.0.1:" + daemon.getAddress().getPort() + "/origin.git";
  }

  private static GitSource source(String url) {
    return new GitSource("demo", url, "main");
  }
}
