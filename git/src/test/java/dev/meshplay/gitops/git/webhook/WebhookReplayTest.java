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

/** A captured signed delivery, replayed, polls nothing: its signature is valid but not fresh. */
class WebhookReplayTest {
  @TempDir Path tmp;

  private final GitSource shop = new GitSource("shop", "git@github.com:acme/shop.git", "main");

  @Test
  void aSignedDeliveryIsAcceptedOnceAndItsReplayIgnored() throws Exception {
    WebhookReceiver receiver = signedReceiver();
    WebhookRequest push = fixture(Map.of());

    assertThat(receiver.receive(push)).isInstanceOf(WebhookOutcome.Poll.class);
    assertThat(receiver.receive(push))
        .isInstanceOfSatisfying(
            WebhookOutcome.Ignored.class,
            i -> assertThat(i.why()).contains("72d3162e-cc78-11e3-81ab-4c9367dc0958", "replay"));
  }

  @Test
  void aNewDeliveryIdPollsAgain() throws Exception {
    WebhookReceiver receiver = signedReceiver();

    assertThat(receiver.receive(fixture(Map.of()))).isInstanceOf(WebhookOutcome.Poll.class);
    assertThat(receiver.receive(fixture(Map.of("X-GitHub-Delivery", "a-later-delivery"))))
        .isInstanceOf(WebhookOutcome.Poll.class);
  }

  @Test
  void aRejectedRequestDoesNotUseUpItsDeliveryId() throws Exception {
    WebhookReceiver receiver = signedReceiver();
    WebhookRequest valid = fixture(Map.of());
    Map<String, String> forged = new HashMap<>(valid.headers());
    forged.put("X-Hub-Signature-256", "sha256=" + "0".repeat(64));

    assertThat(receiver.receive(new WebhookRequest(forged, valid.body())))
        .isInstanceOf(WebhookOutcome.Rejected.class);
    assertThat(receiver.receive(valid)).isInstanceOf(WebhookOutcome.Poll.class);
  }

  @Test
  void unsignedSourcesAreNotTrackedSinceAnyoneMayPollThem() throws Exception {
    WebhookReceiver open = new WebhookReceiver(List.of(shop), Map.of());
    Map<String, String> headers = new HashMap<>(fixture(Map.of()).headers());
    headers.remove("x-hub-signature-256");
    WebhookRequest unsigned = new WebhookRequest(headers, fixture(Map.of()).body());

    assertThat(open.receive(unsigned)).isInstanceOf(WebhookOutcome.Poll.class);
    assertThat(open.receive(unsigned)).isInstanceOf(WebhookOutcome.Poll.class);
  }

  private WebhookReceiver signedReceiver() throws IOException {
    Path file =
        Files.writeString(Files.createTempFile(tmp, "hook", ".secret"), WebhookReceiverTest.SECRET);
    return new WebhookReceiver(List.of(shop), Map.of("shop", Secret.file(file)));
  }

  /** The signed GitHub push fixture, with some headers replaced. */
  private static WebhookRequest fixture(Map<String, String> replaced) throws IOException {
    Map<String, String> headers = new HashMap<>();
    for (String line : resource("github-push.headers").split("\n")) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon), line.substring(colon + 1).strip());
    }
    headers.putAll(replaced);
    return new WebhookRequest(
        headers, resource("github-push.json").getBytes(StandardCharsets.UTF_8));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = WebhookReplayTest.class.getResourceAsStream("/webhooks/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
