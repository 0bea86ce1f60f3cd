package dev.meshplay.gitops.reconciler.settings;

import java.util.Locale;

/**
 * Which objects that already exist in the cluster, without our ownership marks, a design may take
 * over in place ({@code adopt} in meshplay.yaml).
 */
public enum AdoptPolicy {
  /** Objects no tool we know of owns (made by hand, by scripts); the default. */
  UNOWNED,
  /** Also objects Argo CD, Flux or Helm owns: an explicit takeover from that tool. */
  FOREIGN;

  /** The policy named in meshplay.yaml ({@code unowned}, {@code foreign}), or null. */
  public static AdoptPolicy named(String name) {
    for (AdoptPolicy policy : values()) {
      if (policy.word().equals(name)) {
        return policy;
      }
    }
    return null;
  }

  /** The word meshplay.yaml uses. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
