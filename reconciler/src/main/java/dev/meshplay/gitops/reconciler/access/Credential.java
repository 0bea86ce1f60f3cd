package dev.meshplay.gitops.reconciler.access;

import dev.meshplay.gitops.git.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** One way in: a bearer token, or a user name and password (HTTP basic). */
public sealed interface Credential {

  /** Whether the {@code Authorization} header's value presents this credential. */
  boolean accepts(String authorization);

  /** The scheme, for the {@code WWW-Authenticate} challenge. */
  String scheme();

  /** {@code Authorization: Bearer TOKEN}. */
  record Bearer(Secret token) implements Credential {
    @Override
    public boolean accepts(String authorization) {
      String given = after(authorization, "Bearer ");
      return given != null && same(given, token.reveal());
    }

    @Override
    public String scheme() {
      return "Bearer";
    }
  }

  /** {@code Authorization: Basic base64(user:password)}. */
  record Basic(String username, Secret password) implements Credential {
    @Override
    public boolean accepts(String authorization) {
      String encoded = after(authorization, "Basic ");
      if (encoded == null) {
        return false;
      }
      String pair;
      try {
        pair = new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notBase64) {
        return false;
      }
      int colon = pair.indexOf(':');
      // Both halves are always compared, so the time taken does not say which one was wrong.
      boolean user = same(colon < 0 ? "" : pair.substring(0, colon), username);
      boolean pass = same(colon < 0 ? "" : pair.substring(colon + 1), password.reveal());
      return colon >= 0 & user & pass;
    }

    @Override
    public String scheme() {
      return "Basic";
    }
  }

  private static String after(String header, String scheme) {
    if (header == null || header.length() < scheme.length()) {
      return null;
    }
    return header.regionMatches(true, 0, scheme, 0, scheme.length())
        ? header.substring(scheme.length())
        : null;
  }

  /**
   * Constant-time comparison of digests: neither the length nor the first differing character of
   * the expected value shows in the time taken.
   */
  static boolean same(String given, String expected) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] a = sha.digest(given.getBytes(StandardCharsets.UTF_8));
      byte[] b = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(a, b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }
}
