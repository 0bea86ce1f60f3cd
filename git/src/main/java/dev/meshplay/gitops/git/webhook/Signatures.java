package dev.meshplay.gitops.git.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook came from the host that knows the secret. Every comparison runs in time
 * independent of where the values differ ({@link MessageDigest#isEqual} over fixed-length digests),
 * so timing does not leak the expected value.
 */
final class Signatures {
  static final String GITHUB_HEADER = "X-Hub-Signature-256";
  static final String GITLAB_HEADER = "X-Gitlab-Token";
  static final String GITEA_HEADER = "X-Gitea-Signature";
  static final String FORGEJO_HEADER = "X-Forgejo-Signature";

  private Signatures() {}

  static boolean valid(Provider provider, WebhookRequest request, String secret) {
    return switch (provider) {
      case GITHUB -> hmacHex(request.header(GITHUB_HEADER), "sha256=", request, secret);
      case GITEA, FORGEJO ->
          hmacHex(request.header(GITEA_HEADER), "", request, secret)
              || hmacHex(request.header(FORGEJO_HEADER), "", request, secret);
      case GITLAB -> sameToken(request.header(GITLAB_HEADER), secret);
    };
  }

  private static boolean hmacHex(
      String header, String prefix, WebhookRequest request, String secret) {
    if (header == null || !header.startsWith(prefix)) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring(prefix.length()).strip().toLowerCase());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(hmacSha256(secret, request.body()), given);
  }

  // Hashing both sides first makes the lengths equal, so even the length is not leaked.
  private static boolean sameToken(String header, String secret) {
    if (header == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(header), sha256(secret));
  }

  static byte[] hmacSha256(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
