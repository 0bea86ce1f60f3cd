package dev.meshplay.gitops.reconciler.shard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The name of a cluster's Lease: {@code meshplay-gitops-cluster-<name>}. A cluster name that is not
 * a valid object name as is gets a hash suffix, so two names never share a Lease.
 */
public final class LeaseName {
  static final String PREFIX = "meshplay-gitops-cluster-";

  private LeaseName() {}

  public static String of(String cluster) {
    String cleaned = cluster.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    cleaned = cleaned.replaceAll("^-+|-+$", "");
    boolean exact = cleaned.equals(cluster) && !cleaned.isEmpty();
    int room = 63 - PREFIX.length() - (exact ? 0 : 9);
    if (cleaned.length() > room) {
      cleaned = cleaned.substring(0, room);
      exact = false;
    }
    return exact ? PREFIX + cleaned : PREFIX + cleaned + "-" + hash(cluster);
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
