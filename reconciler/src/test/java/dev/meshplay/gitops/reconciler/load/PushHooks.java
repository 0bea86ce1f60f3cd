package dev.meshplay.gitops.reconciler.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub push deliveries to a daemon's {@code POST /hooks/github/{source}}, as GitHub sends them.
 */
public final class PushHooks {
  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  public PushHooks(int port) {
    this.port = port;
  }

  /**
   * Delivers a push of {@code after} to {@code source}'s branch main, signed with {@code secret}
   * (none when null), under a delivery id.
   */
  public CompletableFuture<HttpResponse<String>> deliver(
      String source, Path repository, String after, String delivery, String secret) {
    String body =
        """
        {"ref":"refs/heads/main","after":"%s",
         "repository":{"clone_url":"file://%s","full_name":"load/%s"}}
        """
            .formatted(after, repository, source);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/github/" + source))
            .header("X-GitHub-Event", "push")
            .header("X-GitHub-Delivery", delivery)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      request.header("X-Hub-Signature-256", signature(body, secret));
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String signature(String body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256="
          + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
