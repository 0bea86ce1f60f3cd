package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.git.Backoff;
import dev.meshplay.gitops.git.CommitBack;
import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.PushOutcome;
import dev.meshplay.gitops.git.ReportCommit;
import dev.meshplay.gitops.git.SourceMirror;
import dev.meshplay.gitops.reconciler.bench.ResultsCommitter;
import dev.meshplay.gitops.reconciler.faults.Fault;
import dev.meshplay.gitops.reconciler.faults.FaultProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commit-back (the writer benchmark results go through) against {@code git daemon} behind a {@link
 * FaultProxy}: another writer pushing between the daemon's fetch and push, and a push cut mid-pack.
 * What is checked is the remote's history: both writers' commits kept, fast-forward only, nothing
 * twice.
 */
class CommitBackFaultsIT {
  private static final Duration GIT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration PATIENCE = Duration.ofSeconds(45);

  @TempDir Path tmp;
  private Path served;
  private GitDaemonServer git;
  private FaultProxy proxy;
  private Path bare;
  private Git other;
  private String first;
  private SourceMirror mirror;
  private CommitBack commitBack;

  @BeforeEach
  void start() throws Exception {
    served = Files.createDirectories(tmp.resolve("served"));
    git = GitDaemonServer.serve(served, tmp.resolve("git-daemon.log"));
    proxy = FaultProxy.to(git.port());
    bare = served.resolve("reports.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
    other = Git.init().setInitialBranch("main").setDirectory(tmp.resolve("other").toFile()).call();
    other.remoteAdd().setName("origin").setUri(new URIish(bare.toUri().toString())).call();
    first = otherWriterCommits(other, "README.md", "designs\n");
    GitSource source =
        new GitSource("reports", GitDaemonServer.url(proxy.port(), "reports.git"), "main")
            .withTimeout(GIT_TIMEOUT);
    mirror = SourceMirror.open(source, tmp.resolve("mirrors"));
    assertThat(mirror.poll().snapshot().commitId()).isEqualTo(first);
    // The same writer the benchmark results go through (ResultsCommitter.forMirror).
    commitBack =
        new CommitBack(
            mirror,
            ResultsCommitter.AUTHOR,
            CommitBack.DEFAULT_NOTES_REF,
            new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5)),
            5);
  }

  @AfterEach
  void stop() throws Exception {
    mirror.close();
    other.close();
    proxy.close();
    git.close();
  }

  @Test
  void aWriterPushingBetweenOurFetchAndPushIsKeptAndTheReportRebuiltOnIt() throws Exception {
    List<String> raced = new ArrayList<>();
    proxy.set(
        Fault.interceptFirst(
            "git-receive-pack",
            () -> raced.add(otherWriterCommits(other, "NOTES.md", "a human's note\n"))));
    Instant start = Instant.now();

    PushOutcome outcome = commitBack.commit(report("run-1", "{\"p99\": 12}"));

    assertThat(raced).hasSize(1);
    assertThat(outcome.changed()).isTrue();
    assertThat(outcome.attempts()).as("rebuilt on the new tip once").isEqualTo(2);
    List<RevCommit> history = history(bare);
    assertThat(history)
        .extracting(RevCommit::getName)
        .containsExactly(outcome.commitId(), raced.getFirst(), first);
    assertThat(history.getFirst().getParent(0).getName()).isEqualTo(raced.getFirst());
    assertThat(filesAt(bare))
        .containsExactlyInAnyOrder("README.md", "NOTES.md", "results/run-1.json");
    GitFaultsIT.figure("push race", outcome.attempts(), Duration.between(start, Instant.now()));
  }

  @Test
  void aPushCutWhileThePackIsOnItsWayIsPushedAgainOnce() throws Exception {
    proxy.set(Fault.slow(Duration.ofMillis(200), 512));
    Instant slowed = Instant.now();
    CompletableFuture<PushOutcome> cut =
        CompletableFuture.supplyAsync(
            () -> commitBack.commit(report("run-2", GitFaultsIT.randomHex(16_000))));
    await().atMost(PATIENCE).until(() -> receivePacksSince(slowed) >= 1);
    Thread.sleep(700);
    proxy.set(Fault.pass());
    proxy.cutAll();
    Instant up = Instant.now();
    PushOutcome retried = cut.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    Duration recovered = Duration.between(up, Instant.now());

    assertThat(retried.changed()).isTrue();
    assertThat(retried.attempts()).as("pushed again after the cut").isGreaterThanOrEqualTo(2);
    assertThat(history(bare))
        .extracting(RevCommit::getName)
        .containsExactly(retried.commitId(), first);
    assertThat(filesAt(bare)).containsExactlyInAnyOrder("README.md", "results/run-2.json");
    GitFaultsIT.figure("cut push", retried.attempts(), recovered);
  }

  private long receivePacksSince(Instant since) {
    return proxy.connections().stream()
        .filter(c -> !c.at().isBefore(since) && c.firstLine().contains("git-receive-pack"))
        .count();
  }

  // --- the push race's repositories ---

  /** A second writer: commits {@code path}, rebases on the remote's main if any, pushes. */
  private static String otherWriterCommits(Git clone, String path, String content) {
    try {
      Path file = clone.getRepository().getWorkTree().toPath().resolve(path);
      Files.writeString(file, content);
      clone.add().addFilepattern(path).call();
      clone.commit().setMessage("human: " + path).setAuthor("Ada", "ada@example.com").call();
      clone.fetch().setRemote("origin").call();
      if (clone.getRepository().resolve("refs/remotes/origin/main") != null) {
        clone.rebase().setUpstream("refs/remotes/origin/main").call();
      }
      clone.push().setRemote("origin").setRefSpecs(new RefSpec("HEAD:refs/heads/main")).call();
      return clone.getRepository().resolve("HEAD").name();
    } catch (Exception e) {
      throw new IllegalStateException("the other writer could not push " + path, e);
    }
  }

  private static ReportCommit report(String run, String json) {
    return ReportCommit.on(
            "main", "results: " + run + " [meshplay-gitops results]", ResultsCommitter.AUTHOR)
        .write("results/" + run + ".json", json);
  }

  private static List<RevCommit> history(Path bare) throws Exception {
    try (Git remote = Git.open(bare.toFile())) {
      List<RevCommit> commits = new ArrayList<>();
      remote
          .log()
          .add(remote.getRepository().resolve("refs/heads/main"))
          .call()
          .forEach(commits::add);
      return commits;
    }
  }

  private static List<String> filesAt(Path bare) throws Exception {
    try (Git remote = Git.open(bare.toFile());
        var walk = new org.eclipse.jgit.treewalk.TreeWalk(remote.getRepository())) {
      walk.addTree(
          remote
              .getRepository()
              .parseCommit(remote.getRepository().resolve("refs/heads/main"))
              .getTree());
      walk.setRecursive(true);
      List<String> paths = new ArrayList<>();
      while (walk.next()) {
        paths.add(walk.getPathString());
      }
      return paths;
    }
  }
}
