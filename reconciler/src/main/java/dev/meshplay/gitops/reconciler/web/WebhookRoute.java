package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.git.webhook.WebhookOutcome;
import dev.meshplay.gitops.git.webhook.WebhookReceiver;
import dev.meshplay.gitops.git.webhook.WebhookRequest;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code POST /hooks/{provider}/{source}}: the only route that is not a GET. The body is read up to
 * a bound, the signature is checked by git/, and a valid push only triggers a poll of the named
 * source (202); nothing in the request is applied.
 */
public final class WebhookRoute implements Handler {
  /** The route, as CONTRACTS.md names it. */
  public static final String PATH = "/hooks/{provider}/{source}";

  /** Git hosts send a few hundred KiB at most. */
  static final int MAX_BODY = 1 << 20;

  private final WebhookReceiver receiver;
  private final Consumer<String> pollNow;

  public WebhookRoute(WebhookReceiver receiver, Consumer<String> pollNow) {
    this.receiver = receiver;
    this.pollNow = pollNow;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    String source = req.path().pathParameters().get("source");
    byte[] body = read(req);
    if (body == null) {
      reply(res, Status.REQUEST_ENTITY_TOO_LARGE_413, "body over " + MAX_BODY + " bytes\n");
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    req.headers().forEach(h -> headers.put(h.name(), h.get()));
    switch (receiver.receive(new WebhookRequest(headers, body))) {
      case WebhookOutcome.Poll poll -> {
        boolean named = poll.sources().contains(source);
        poll.sources().stream().filter(source::equals).forEach(pollNow);
        reply(
            res,
            Status.ACCEPTED_202,
            named ? "polling " + source + "\n" : "source " + source + " is not concerned\n");
      }
      case WebhookOutcome.Ignored ignored -> reply(res, Status.ACCEPTED_202, ignored.why() + "\n");
      case WebhookOutcome.Rejected rejected ->
          reply(res, Status.UNAUTHORIZED_401, rejected.why() + "\n");
      case WebhookOutcome.Malformed malformed ->
          reply(res, Status.BAD_REQUEST_400, malformed.why() + "\n");
    }
  }

  private static byte[] read(ServerRequest req) {
    try (InputStream in = req.content().inputStream()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      return body.length > MAX_BODY ? null : body;
    } catch (IOException e) {
      throw new UncheckedIOException("reading a webhook body", e);
    }
  }

  private static void reply(ServerResponse res, Status status, String text) {
    res.status(status);
    Responses.send(res, Responses.TEXT, text);
  }
}
