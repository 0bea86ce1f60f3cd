package dev.meshplay.gitops.git;

import java.util.Objects;

/**
 * A branch of a repository to watch.
 *
 * @param name short name used in status, labels and the mirror's directory name
 * @param url anything JGit can fetch from: https, ssh, file URL, or a local path
 * @param branch the branch name without {@code refs/heads/}
 */
public record GitSource(String name, String url, String branch) {

  public GitSource {
    Objects.requireNonNull(name, "source name");
    Objects.requireNonNull(url, "source url");
    Objects.requireNonNull(branch, "source branch");
    if (!name.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
      throw new IllegalArgumentException(
          "source name '" + name + "' must be a DNS label (lower-case letters, digits, '-')");
    }
  }

  public String ref() {
    return "refs/heads/" + branch;
  }
}
