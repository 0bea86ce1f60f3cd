package dev.meshplay.gitops.policies;

import java.util.Locale;

/**
 * What a rule's finding does: {@code deny} blocks the apply of its design, {@code warn} reports.
 */
public enum Enforcement {
  DENY,
  WARN;

  /** The word used in policy files, SARIF and messages. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code deny} or {@code warn}; null for anything else. */
  public static Enforcement parse(String text) {
    return switch (String.valueOf(text)) {
      case "deny" -> DENY;
      case "warn" -> WARN;
      default -> null;
    };
  }
}
