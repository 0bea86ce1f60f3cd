package dev.meshplay.gitops.git.webhook;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as the webhook route received it: headers (looked up case-insensitively) and the
 * raw body, byte for byte, since signatures are computed over the exact bytes.
 */
public record WebhookRequest(Map<String, String> headers, byte[] body) {

  public WebhookRequest {
    Map<String, String> folded = new TreeMap<>();
    headers.forEach((name, value) -> folded.put(name.toLowerCase(Locale.ROOT), value));
    headers = Map.copyOf(folded);
    body = body.clone();
  }

  /** The header's value, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
