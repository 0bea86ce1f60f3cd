package dev.meshplay.gitops.git.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixtures of each provider's payload with headers as the host sends them, signed with the secret
 * {@value #SECRET} by {@code openssl dgst -sha256 -hmac}, not by the code under test.
 */
class WebhookReceiverTest {
  static final String SECRET = "It's a Secret to Everybody";

  @TempDir Path tmp;

  private final GitSource github =
      new GitSource("shop", "git@github.com:acme/shop.git", "main")
          .withPullRequestRefs(List.of("refs/pull/*/head"));
  private final GitSource gitlab =
      new GitSource("shop-gl", "https://gitlab.example.com/acme/shop", "main")
          .withPullRequestRefs(List.of("refs/merge-requests/*/head"));
  private final GitSource gitea =
      new GitSource("shop-gt", "ssh://git@gitea.example.com:2222/Acme/Shop.git", "main");

  @Test
  void signedGitHubPushPollsTheSourceWhateverUrlSpellingItUses() throws Exception {
    WebhookOutcome outcome = signed().receive(fixture("github-push"));

    assertThat(outcome).isInstanceOf(WebhookOutcome.Poll.class);
    WebhookOutcome.Poll poll = (WebhookOutcome.Poll) outcome;
    assertThat(poll.sources()).containsExactly("shop");
    assertThat(poll.event())
        .isEqualTo(
            new HookEvent.Push(
                Provider.GITHUB,
                List.of(
                    "https://github.com/acme/shop.git",
                    "git@github.com:acme/shop.git",
                    "https://github.com/acme/shop"),
                "refs/heads/main",
                "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c"));
  }

  @Test
  void gitHubPullRequestPollsSourcesTrackingPullRefs() throws Exception {
    WebhookOutcome.Poll poll =
        (WebhookOutcome.Poll) signed().receive(fixture("github-pull_request"));

    HookEvent.PullRequest event = (HookEvent.PullRequest) poll.event();
    assertThat(event.ref()).isEqualTo("refs/pull/42/head");
    assertThat(event.action()).isEqualTo("synchronize");
    assertThat(event.head()).isEqualTo("ec26c3e57ca3a959ca5aad62de7213c562f8c821");
  }

  @Test
  void gitLabPushAndMergeRequestHooksWithTheTokenPoll() throws Exception {
    WebhookReceiver receiver = signed();

    assertThat(receiver.receive(fixture("gitlab-push")))
        .isInstanceOfSatisfying(
            WebhookOutcome.Poll.class, p -> assertThat(p.sources()).containsExactly("shop-gl"));
    WebhookOutcome.Poll merge =
        (WebhookOutcome.Poll) receiver.receive(fixture("gitlab-merge-request"));
    assertThat(merge.event().ref()).isEqualTo("refs/merge-requests/7/head");
  }

  @Test
  void giteaPushIsRecognisedAsGiteaEvenWithGitHubHeadersBeside() throws Exception {
    WebhookOutcome.Poll poll = (WebhookOutcome.Poll) signed().receive(fixture("gitea-push"));

    assertThat(poll.sources()).containsExactly("shop-gt");
    assertThat(poll.event().provider()).isEqualTo(Provider.GITEA);
  }

  @Test
  void aChangedBodyBreaksTheSignatureAndIsRejected() throws Exception {
    for (String name : List.of("github-push", "gitea-push")) {
      WebhookRequest valid = fixture(name);
      String body = new String(valid.body(), StandardCharsets.UTF_8).replace("main", "mian");
      WebhookRequest tampered =
          new WebhookRequest(valid.headers(), body.getBytes(StandardCharsets.UTF_8));

      assertThat(signed().receive(tampered)).isInstanceOf(WebhookOutcome.Rejected.class);
    }
  }

  @Test
  void wrongOrMissingSecretIsRejectedForEveryProvider() throws Exception {
    WebhookReceiver otherSecret = receiver("not the secret");
    for (String name :
        List.of("github-push", "gitlab-push", "gitea-push", "gitlab-merge-request")) {
      assertThat(otherSecret.receive(fixture(name)))
          .as(name)
          .isInstanceOf(WebhookOutcome.Rejected.class);
      WebhookRequest valid = fixture(name);
      Map<String, String> headers = new HashMap<>(valid.headers());
      headers.keySet().removeIf(h -> h.contains("signature") || h.contains("token"));
      assertThat(signed().receive(new WebhookRequest(headers, valid.body())))
          .as(name + " unsigned")
          .isInstanceOfSatisfying(
              WebhookOutcome.Rejected.class,
              r -> assertThat(r.why()).contains("invalid or missing signature"));
    }
  }

  @Test
  void sourcesWithoutASecretAcceptUnsignedHooks() throws Exception {
    WebhookReceiver open = new WebhookReceiver(List.of(github), Map.of());
    WebhookRequest valid = fixture("github-push");
    Map<String, String> headers = new HashMap<>(valid.headers());
    headers.remove("x-hub-signature-256");

    assertThat(open.receive(new WebhookRequest(headers, valid.body())))
        .isInstanceOf(WebhookOutcome.Poll.class);
  }

  @Test
  void pingsUntrackedReposAndBranchesAreIgnored() throws Exception {
    assertThat(signed().receive(fixture("github-ping"))).isInstanceOf(WebhookOutcome.Ignored.class);
    WebhookReceiver noGitLab = new WebhookReceiver(List.of(github), Map.of());
    assertThat(noGitLab.receive(fixture("gitlab-push")))
        .isInstanceOfSatisfying(
            WebhookOutcome.Ignored.class, i -> assertThat(i.why()).contains("no source watches"));
    WebhookReceiver otherBranch =
        new WebhookReceiver(
            List.of(new GitSource("shop", "https://github.com/acme/shop", "prod")), Map.of());
    assertThat(otherBranch.receive(fixture("github-push")))
        .isInstanceOf(WebhookOutcome.Ignored.class);
  }

  @Test
  void unknownSendersAndBrokenBodiesAreMalformed() throws Exception {
    assertThat(signed().receive(new WebhookRequest(Map.of(), "{}".getBytes())))
        .isInstanceOf(WebhookOutcome.Malformed.class);
    assertThat(
            signed()
                .receive(
                    new WebhookRequest(Map.of("X-GitHub-Event", "push"), "{not json".getBytes())))
        .isInstanceOf(WebhookOutcome.Malformed.class);
  }

  @Test
  void hmacMatchesGitHubsPublishedExample() {
    assertThat(
            java.util.HexFormat.of()
                .formatHex(Signatures.hmacSha256(SECRET, "Hello, World!".getBytes())))
        .isEqualTo("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
  }

  private WebhookReceiver signed() throws IOException {
    return receiver(SECRET);
  }

  private WebhookReceiver receiver(String value) throws IOException {
    Path file = Files.writeString(Files.createTempFile(tmp, "hook", ".secret"), value);
    Secret secret = Secret.file(file);
    return new WebhookReceiver(
        List.of(github, gitlab, gitea),
        Map.of("shop", secret, "shop-gl", secret, "shop-gt", secret));
  }

  private static WebhookRequest fixture(String name) throws IOException {
    Map<String, String> headers = new HashMap<>();
    for (String line : resource(name + ".headers").split("\n")) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon), line.substring(colon + 1).strip());
    }
    return new WebhookRequest(headers, resource(name + ".json").getBytes(StandardCharsets.UTF_8));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = WebhookReceiverTest.class.getResourceAsStream("/webhooks/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
