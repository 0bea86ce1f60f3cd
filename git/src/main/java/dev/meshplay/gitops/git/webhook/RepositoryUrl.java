package dev.meshplay.gitops.git.webhook;

import java.util.Locale;

/**
 * Reduces the many spellings of one repository's URL to one key, {@code host/owner/name}: scheme,
 * user, port, a trailing {@code .git} and slash are dropped, and case is folded, so that a source
 * configured with the ssh URL matches a payload's https clone URL.
 */
final class RepositoryUrl {
  private RepositoryUrl() {}

  static String key(String url) {
    String u = url.strip();
    int scheme = u.indexOf("://");
    if (scheme >= 0) {
      u = u.substring(scheme + 3);
    } else if (u.matches("[^/@]+@[^/:]+:.*")) {
      u = u.replaceFirst(":", "/"); // scp-like: git@host:owner/name
    }
    int slash = u.indexOf('/');
    if (slash > 0) {
      String authority = u.substring(0, slash);
      authority = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d+$", "");
      u = authority + u.substring(slash);
    }
    u = u.replaceAll("/+$", "");
    if (u.endsWith(".git")) {
      u = u.substring(0, u.length() - 4);
    }
    return u.toLowerCase(Locale.ROOT);
  }
}
