package dev.meshplay.gitops.git;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A branch of a repository to watch, and the pull-request refs to track beside it.
 *
 * <p>Build with the three-argument constructor and refine with the {@code with…} methods; every
 * value is checked here, once, so a bad setting fails at configuration time with its name.
 *
 * @param name short name used in status, labels and the mirror's directory name
 * @param url anything JGit can fetch from: https, ssh, git, file URL, or a local path
 * @param branch the branch name without {@code refs/heads/}
 * @param subPath the directory inside the repository that {@link Snapshot#files()} is rooted at
 *     ({@code ""} for the whole tree)
 * @param interval how often to poll when no webhook arrives
 * @param credentials how to authenticate to {@code url}
 * @param pullRequestRefs patterns of refs to track as pull requests, e.g. {@code
 *     refs/pull/&#42;/head}, {@code refs/merge-requests/&#42;/head}; a pattern without {@code
 *     refs/} is a branch glob such as {@code pr/&#42;}
 * @param sizeLimitBytes the largest mirror on disk this source may grow to
 * @param shallow whether the first fetch asks for the tips only (depth 1)
 * @param followRewrites whether a force-pushed branch is followed (with a {@link
 *     RefEvent.Rewritten} event) or refused with {@link
 *     GitSourceException.Reason#HISTORY_REWRITTEN}
 * @param timeout how long one network read or write of a Git operation may wait on the remote
 *     before the operation fails (a stalled remote must not hold the source's loop forever)
 */
public record GitSource(
    String name,
    String url,
    String branch,
    String subPath,
    Duration interval,
    Credentials credentials,
    List<String> pullRequestRefs,
    long sizeLimitBytes,
    boolean shallow,
    boolean followRewrites,
    Duration timeout) {

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
  public static final long DEFAULT_SIZE_LIMIT = 1L << 30;

  /** As Flux's and Argo CD's default for one Git operation. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public GitSource {
    Objects.requireNonNull(name, "source name");
    Objects.requireNonNull(url, "source url");
    Objects.requireNonNull(branch, "source branch");
    if (!name.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
      throw new IllegalArgumentException(
          "source name '" + name + "' must be a DNS label (lower-case letters, digits, '-')");
    }
    subPath = normalizeSubPath(name, subPath == null ? "" : subPath);
    Objects.requireNonNull(interval, "source interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("source " + name + ": interval must be positive");
    }
    credentials = credentials == null ? new Credentials.None() : credentials;
    pullRequestRefs = List.copyOf(pullRequestRefs == null ? List.of() : pullRequestRefs);
    pullRequestRefs.forEach(RefPattern::of);
    if (sizeLimitBytes <= 0) {
      throw new IllegalArgumentException("source " + name + ": sizeLimitBytes must be positive");
    }
    Objects.requireNonNull(timeout, "source timeout");
    if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("source " + name + ": timeout must be at least 1s");
    }
  }

  public GitSource(String name, String url, String branch) {
    this(
        name,
        url,
        branch,
        "",
        DEFAULT_INTERVAL,
        new Credentials.None(),
        List.of(),
        DEFAULT_SIZE_LIMIT,
        true,
        true,
        DEFAULT_TIMEOUT);
  }

  public String ref() {
    return "refs/heads/" + branch;
  }

  public GitSource withSubPath(String dir) {
    return with(c -> c.subPath = dir);
  }

  public GitSource withInterval(Duration every) {
    return with(c -> c.interval = every);
  }

  public GitSource withCredentials(Credentials auth) {
    return with(c -> c.credentials = auth);
  }

  public GitSource withPullRequestRefs(List<String> patterns) {
    return with(c -> c.pullRequestRefs = patterns);
  }

  public GitSource withSizeLimit(long bytes) {
    return with(c -> c.sizeLimitBytes = bytes);
  }

  public GitSource withShallow(boolean tipsOnly) {
    return with(c -> c.shallow = tipsOnly);
  }

  public GitSource withFollowRewrites(boolean follow) {
    return with(c -> c.followRewrites = follow);
  }

  public GitSource withTimeout(Duration limit) {
    return with(c -> c.timeout = limit);
  }

  /**
   * The URL as it may be shown in a message or on the page: without the user-info part, where a
   * token or password could be written ({@code https://user:token@host/repo}).
   */
  public String displayUrl() {
    return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1");
  }

  /** True when {@code ref} is one of this source's tracked pull-request refs. */
  public boolean tracksPullRequest(String ref) {
    return pullRequestRefs.stream().anyMatch(p -> RefPattern.of(p).matches(ref));
  }

  private static String normalizeSubPath(String name, String dir) {
    String trimmed = dir.replace('\\', '/').replaceAll("^/+|/+$", "");
    if (trimmed.equals(".")) {
      return "";
    }
    for (String part : trimmed.split("/")) {
      if (part.equals("..")) {
        throw new IllegalArgumentException(
            "source " + name + ": subPath '" + dir + "' must stay inside the repository");
      }
    }
    return trimmed;
  }

  private GitSource with(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** A mutable copy, so that each {@code withX} names only what it changes. */
  private static final class Copy {
    final String name;
    final String url;
    final String branch;
    String subPath;
    Duration interval;
    Credentials credentials;
    List<String> pullRequestRefs;
    long sizeLimitBytes;
    boolean shallow;
    boolean followRewrites;
    Duration timeout;

    Copy(GitSource source) {
      name = source.name;
      url = source.url;
      branch = source.branch;
      subPath = source.subPath;
      interval = source.interval;
      credentials = source.credentials;
      pullRequestRefs = source.pullRequestRefs;
      sizeLimitBytes = source.sizeLimitBytes;
      shallow = source.shallow;
      followRewrites = source.followRewrites;
      timeout = source.timeout;
    }

    GitSource build() {
      return new GitSource(
          name,
          url,
          branch,
          subPath,
          interval,
          credentials,
          pullRequestRefs,
          sizeLimitBytes,
          shallow,
          followRewrites,
          timeout);
    }
  }
}
