package dev.meshplay.gitops.reconciler.prplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.git.CommitBack;
import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.Secret;
import dev.meshplay.gitops.reconciler.Daemon;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.forge.FakeForgeServer;
import dev.meshplay.gitops.reconciler.forge.ForgeConfig;
import dev.meshplay.gitops.reconciler.loop.Target;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.notes.Note;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's pull-request mode end to end with real Git: a bare origin, a pull request pushed to
 * {@code refs/pull/1/head}, the plan stored and published as a git note on the head commit and as a
 * commit status and one comment on a fake forge.
 */
class PullRequestPlansIT {
  private static final String PR = "refs/pull/1/head";
  private static final String CONFIG =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: greeting
        namespace: default
      data:
        greeting: %s
      """;

  @TempDir Path tmp;

  private Path origin;
  private Git work;
  private SandboxCluster sandbox;
  private Daemon daemon;

  private FakeForgeServer forge;

  @BeforeEach
  void setUp() throws Exception {
    forge = new FakeForgeServer();
    Path token = Files.writeString(tmp.resolve("token"), "s3cret");
    origin = tmp.resolve("origin.git");
    Git.init().setBare(true).setInitialBranch("main").setDirectory(origin.toFile()).call().close();
    work = Git.init().setInitialBranch("main").setDirectory(tmp.resolve("work").toFile()).call();
    commit("manifests/app/config.yaml", CONFIG.formatted("hello"));
    work.push().setRemote(origin.toUri().toString()).setRefSpecs(new RefSpec("main:main")).call();
    sandbox = SandboxCluster.start();
    GitSource source =
        new GitSource("shop", origin.toString(), "main")
            .withPullRequestRefs(List.of("refs/pull/*/head", "pr/*"));
    daemon =
        Daemon.start(
            new DaemonConfig(
                "127.0.0.1",
                0,
                tmp.resolve("state"),
                Duration.ofMillis(300),
                List.of(source),
                List.of(ClusterConfig.sandbox()),
                Map.of(),
                Map.of(
                    "shop",
                    new ForgeConfig(
                        ForgeConfig.Kind.GITHUB,
                        forge.url(""),
                        "acme/shop",
                        Secret.file(token),
                        "http://gitops.example/prs"))),
            List.of(Target.of(new KubernetesCluster("sandbox", sandbox.client()))),
            new RepositoryRenderer(KustomizeRunner.kubectl()));
  }

  @AfterEach
  void tearDown() {
    daemon.close();
    sandbox.close();
    forge.close();
    work.close();
  }

  @Test
  void aPullRequestIsPlannedNotedUpdatedOnPushAndDroppedWhenClosed() throws Exception {
    String first = pushPullRequest(CONFIG.formatted("bonjour"));

    PullRequestPlan plan = awaitPlanOf(first);
    assertThat(plan.id()).isEqualTo("1");
    assertThat(plan.failed()).isFalse();
    assertThat(plan.baseDeltas())
        .anySatisfy(
            d ->
                assertThat(d.diffs())
                    .extracting(FieldDiff::line)
                    .contains(".data.greeting: hello → bonjour"));
    await().atMost(Duration.ofSeconds(60)).until(() -> note(first).isPresent());
    assertThat(note(first).orElseThrow())
        .startsWith(MarkdownReport.MARKER)
        .contains("Meshplay GitOps plan for 1");
    assertThat(get("/pulls")).contains("refs/pull/1/head", "changes");
    assertThat(get("/api/v1/pulls")).contains("\"refs/pull/1/head\"");

    String second = pushPullRequest(CONFIG.formatted("hallo"));

    awaitPlanOf(second);
    await().atMost(Duration.ofSeconds(60)).until(() -> note(second).isPresent());
    assertThat(note(second).orElseThrow()).contains("`manifests/app`");

    work.push().setRemote(origin.toUri().toString()).setRefSpecs(new RefSpec(":" + PR)).call();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> daemon.pullRequests().find("shop", PR).isEmpty());
    assertThat(forge.commentsCreated()).isEqualTo(1);
    assertThat(statuses())
        .extracting(r -> r.uri())
        .contains("/repos/acme/shop/statuses/" + first, "/repos/acme/shop/statuses/" + second);
    assertThat(forge.requests())
        .filteredOn(r -> r.method().equals("PATCH"))
        .extracting(r -> r.uri())
        .contains("/repos/acme/shop/issues/comments/42");
  }

  private List<FakeForgeServer.Request> statuses() {
    return forge.requests().stream().filter(r -> r.uri().contains("/statuses/")).toList();
  }

  @Test
  void aPullRequestThatBreaksADenyPolicyIsPlannedAsFailed() throws Exception {
    String head =
        pushPullRequest(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: root
              namespace: default
            spec:
              containers:
                - name: sh
                  image: busybox:1.36
                  securityContext:
                    privileged: true
            """);

    PullRequestPlan plan = awaitPlanOf(head);

    assertThat(plan.failed()).isTrue();
    assertThat(plan.summary()).startsWith("failed: 1 design(s) blocked");
    await().atMost(Duration.ofSeconds(60)).until(() -> note(head).isPresent());
    assertThat(note(head).orElseThrow()).contains("container-privileged");
    // The status goes out before the comment: wait for both.
    await().atMost(Duration.ofSeconds(30)).until(() -> forge.commentsCreated() == 1);
    assertThat(statuses())
        .singleElement()
        .satisfies(s -> assertThat(s.body().get("state").asString()).isEqualTo("failure"));
  }

  @Test
  void aPrBranchIsPlannedLikeAPullRequestAsTheDemoUsesIt() throws Exception {
    String head = commit("manifests/app/config.yaml", CONFIG.formatted("salut"));
    work.push()
        .setRemote(origin.toUri().toString())
        .setRefSpecs(new RefSpec(head + ":refs/heads/pr/try"))
        .call();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> daemon.pullRequests().find("shop", "refs/heads/pr/try").isPresent());
    assertThat(daemon.pullRequests().find("shop", "refs/heads/pr/try").orElseThrow().id())
        .isEqualTo("pr/try");
    await().atMost(Duration.ofSeconds(60)).until(() -> note(head).isPresent());
  }

  private PullRequestPlan awaitPlanOf(String commit) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                daemon
                    .pullRequests()
                    .find("shop", PR)
                    .filter(p -> commit.equals(p.head()))
                    .isPresent());
    return daemon.pullRequests().find("shop", PR).orElseThrow();
  }

  private String pushPullRequest(String config) throws Exception {
    String id = commit("manifests/app/config.yaml", config);
    work.push()
        .setRemote(origin.toUri().toString())
        .setRefSpecs(new RefSpec("+" + id + ":" + PR))
        .call();
    return id;
  }

  private String commit(String path, String content) throws Exception {
    Path file = work.getRepository().getWorkTree().toPath().resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    work.add().addFilepattern(".").call();
    return work.commit()
        .setMessage("change " + path)
        .setAuthor("t", "t@example.invalid")
        .setCommitter("t", "t@example.invalid")
        .setSign(false)
        .call()
        .name();
  }

  private Optional<String> note(String commit) throws Exception {
    try (Git git = Git.open(origin.toFile());
        RevWalk walk = new RevWalk(git.getRepository())) {
      if (git.getRepository().exactRef(CommitBack.DEFAULT_NOTES_REF) == null) {
        return Optional.empty();
      }
      Note note =
          git.notesShow()
              .setNotesRef(CommitBack.DEFAULT_NOTES_REF)
              .setObjectId(walk.parseCommit(ObjectId.fromString(commit)))
              .call();
      if (note == null) {
        return Optional.empty();
      }
      byte[] bytes = git.getRepository().open(note.getData()).getBytes();
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  /** A page of the daemon's status server, as a browser would read it. */
  private String get(String path) throws Exception {
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + daemon.port() + path))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
