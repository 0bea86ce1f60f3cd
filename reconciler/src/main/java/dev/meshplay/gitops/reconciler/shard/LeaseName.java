package dev.meshplay.gitops.reconciler.shard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The names of the Leases: {@code meshplay-gitops-cluster-<name>} per cluster, {@code
 * meshplay-gitops-member-<identity>} per replica. A name that is not a valid object name as is gets
 * a hash suffix, so two names never share a Lease.
 */
public final class LeaseName {
  static final String PREFIX = "meshplay-gitops-cluster-";
  static final String MEMBER_PREFIX = "meshplay-gitops-member-";

  private LeaseName() {}

  public static String of(String cluster) {
    return named(PREFIX, cluster);
  }

  /** The Lease a replica renews to say it is alive: {@code meshplay-gitops-member-<identity>}. */
  public static String member(String identity) {
    return named(MEMBER_PREFIX, identity);
  }

  private static String named(String prefix, String cluster) {
    String cleaned = cluster.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    cleaned = cleaned.replaceAll("^-+|-+$", "");
    boolean exact =
        cleaned.equals(cluster) && !cleaned.isEmpty() && prefix.length() + cleaned.length() <= 63;
    if (exact) {
      return prefix + cleaned;
    }
    // Room for "-" and eight hex digits of the hash, which tells truncated names apart.
    int room = 63 - prefix.length() - 9;
    cleaned = cleaned.substring(0, Math.min(room, cleaned.length())).replaceAll("-+$", "");
    return prefix + (cleaned.isEmpty() ? "" : cleaned + "-") + hash(cluster);
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
