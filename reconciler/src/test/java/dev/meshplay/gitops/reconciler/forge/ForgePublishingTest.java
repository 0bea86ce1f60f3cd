package dev.meshplay.gitops.reconciler.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshplay.gitops.policies.Findings;
import dev.meshplay.gitops.reconciler.prplan.DesignPlan;
import dev.meshplay.gitops.reconciler.prplan.ForgePublisher;
import dev.meshplay.gitops.reconciler.prplan.MarkdownReport;
import dev.meshplay.gitops.reconciler.prplan.PullRequestPlan;
import dev.meshplay.gitops.render.Diagnostic;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each forge's REST calls, as their docs describe them, against a local fake forge. */
class ForgePublishingTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private static final String STATUS_PAGE = "http://gitops.example/prs";

  private FakeForgeServer forge;

  @BeforeEach
  void start() throws Exception {
    forge = new FakeForgeServer();
  }

  @AfterEach
  void stop() {
    forge.close();
  }

  @Test
  void githubPostsAStatusAndOneCommentThenEditsItOnTheNextPush() {
    publishTwice(url -> new GitHubForge(url, "acme/shop", "s3cret"));

    List<FakeForgeServer.Request> r = forge.requests();
    assertThat(r)
        .extracting(FakeForgeServer.Request::method)
        .containsExactly("POST", "GET", "POST", "POST", "GET", "PATCH");
    assertThat(r.get(0).uri()).isEqualTo("/repos/acme/shop/statuses/" + SHA);
    assertThat(r.get(0).headers())
        .containsEntry("authorization", "Bearer s3cret")
        .containsEntry("accept", "application/vnd.github+json")
        .containsEntry("x-github-api-version", "2022-11-28")
        .containsEntry("content-type", "application/json");
    assertThat(r.get(0).body().get("state").asString()).isEqualTo("success");
    assertThat(r.get(0).body().get("context").asString()).isEqualTo(ForgePublisher.CONTEXT);
    assertThat(r.get(0).body().get("target_url").asString()).isEqualTo(STATUS_PAGE);
    assertThat(r.get(0).body().get("description").asString())
        .isEqualTo("0 to create, 0 to update, 0 to prune");
    assertThat(r.get(1).uri()).isEqualTo("/repos/acme/shop/issues/7/comments?per_page=100");
    assertThat(r.get(2).uri()).isEqualTo("/repos/acme/shop/issues/7/comments");
    assertThat(r.get(2).body().get("body").asString()).startsWith(MarkdownReport.MARKER);
    assertThat(r.get(5).uri()).isEqualTo("/repos/acme/shop/issues/comments/42");
    assertThat(forge.commentsCreated()).isEqualTo(1);
  }

  @Test
  void giteaUsesTokenAuthAndTheSameRoutesUnderApiV1() {
    publishTwice(url -> new GiteaForge(url + "/api/v1", "acme/shop", "s3cret"));

    List<FakeForgeServer.Request> r = forge.requests();
    assertThat(r)
        .extracting(FakeForgeServer.Request::method)
        .containsExactly("POST", "GET", "POST", "POST", "GET", "PATCH");
    assertThat(r.get(0).uri()).isEqualTo("/api/v1/repos/acme/shop/statuses/" + SHA);
    assertThat(r.get(0).headers()).containsEntry("authorization", "token s3cret");
    assertThat(r.get(0).body().has("context")).isTrue();
    assertThat(r.get(1).uri()).isEqualTo("/api/v1/repos/acme/shop/issues/7/comments");
    assertThat(r.get(5).uri()).isEqualTo("/api/v1/repos/acme/shop/issues/comments/42");
    assertThat(forge.commentsCreated()).isEqualTo(1);
  }

  @Test
  void gitlabUsesPrivateTokenAnEncodedProjectAndEditsTheNoteWithPut() {
    publishTwice(url -> new GitLabForge(url + "/api/v4", "acme/shop", "s3cret"));

    List<FakeForgeServer.Request> r = forge.requests();
    assertThat(r)
        .extracting(FakeForgeServer.Request::method)
        .containsExactly("POST", "GET", "POST", "POST", "GET", "PUT");
    assertThat(r.get(0).uri()).isEqualTo("/api/v4/projects/acme%2Fshop/statuses/" + SHA);
    assertThat(r.get(0).headers()).containsEntry("private-token", "s3cret");
    assertThat(r.get(0).body().get("name").asString()).isEqualTo(ForgePublisher.CONTEXT);
    assertThat(r.get(1).uri())
        .isEqualTo("/api/v4/projects/acme%2Fshop/merge_requests/7/notes?per_page=100");
    assertThat(r.get(5).uri()).isEqualTo("/api/v4/projects/acme%2Fshop/merge_requests/7/notes/42");
    assertThat(forge.commentsCreated()).isEqualTo(1);
  }

  @Test
  void aFailedPlanGetsAFailureStatusOnEachForge() {
    new ForgePublisher(new GitHubForge(forge.url(""), "acme/shop", "t"), STATUS_PAGE)
        .publish(plan(true));
    new ForgePublisher(new GitLabForge(forge.url(""), "acme/shop", "t"), STATUS_PAGE)
        .publish(plan(true));

    List<FakeForgeServer.Request> statuses =
        forge.requests().stream().filter(r -> r.uri().contains("/statuses/")).toList();
    assertThat(statuses.get(0).body().get("state").asString()).isEqualTo("failure");
    assertThat(statuses.get(1).body().get("state").asString()).isEqualTo("failed");
    assertThat(statuses.get(0).body().get("description").asString()).startsWith("failed:");
  }

  @Test
  void anErrorNamesTheCallButNeverTheToken() {
    GitHubForge github = new GitHubForge(forge.url("/missing-prefix/"), "acme/shop", "s3cret");
    forge.close();

    assertThatThrownBy(() -> github.status(SHA, Forge.State.SUCCESS, "c", "d", null))
        .isInstanceOf(ForgeException.class)
        .hasMessageContaining("POST /repos/acme/shop/statuses/")
        .hasMessageNotContaining("s3cret");
  }

  private void publishTwice(Function<String, Forge> client) {
    ForgePublisher publisher = new ForgePublisher(client.apply(forge.url("")), STATUS_PAGE);
    publisher.publish(plan(false));
    publisher.publish(plan(false));
  }

  private static PullRequestPlan plan(boolean failed) {
    List<DesignPlan> designs =
        List.of(
            new DesignPlan(
                "designs/app.yaml",
                "prod",
                List.of(),
                failed ? List.of(Diagnostic.error("designs/app.yaml", 3, 1, "bad")) : List.of(),
                List.of(),
                failed ? "render failed" : null));
    return new PullRequestPlan(
        "shop",
        "7",
        "refs/pull/7/head",
        SHA,
        null,
        Instant.EPOCH,
        false,
        null,
        null,
        designs,
        List.of(),
        new Findings(List.of(), List.of(), List.of()));
  }
}
