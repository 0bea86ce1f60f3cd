package dev.meshplay.gitops.reconciler.prplan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The number a forge gives a pull request, read from its ref. */
public final class PullRequestIds {
  private static final Pattern NUMBERED =
      Pattern.compile("^refs/(?:pull|merge-requests)/(\\d+)/head$");

  private PullRequestIds() {}

  /** {@code 7} for {@code refs/pull/7/head} or {@code refs/merge-requests/7/head}; else the ref. */
  public static String of(String ref) {
    Matcher m = NUMBERED.matcher(ref);
    if (m.matches()) {
      return m.group(1);
    }
    return ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
  }
}
