package dev.meshplay.gitops.git;

import java.nio.file.Path;
import java.util.Objects;

/** How a source authenticates to its remote. */
public sealed interface Credentials {

  /** Anonymous access (public repositories, file URLs, local paths). */
  record None() implements Credentials {}

  /**
   * A personal or deploy access token sent as the HTTP basic password. The user name {@code
   * x-access-token} is accepted by GitHub, GitLab, Gitea and Forgejo for tokens.
   */
  record Token(Secret token) implements Credentials {
    public Token {
      Objects.requireNonNull(token, "token");
    }
  }

  /** HTTP basic authentication. */
  record Basic(String username, Secret password) implements Credentials {
    public Basic {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }
  }

  /**
   * An SSH private key (OpenSSH or PEM, not passphrase-protected) and the known_hosts file that the
   * server's host key must be listed in; unknown hosts are refused, never added.
   */
  record SshKey(Path privateKey, Path knownHosts) implements Credentials {
    public SshKey {
      Objects.requireNonNull(privateKey, "privateKey");
      Objects.requireNonNull(knownHosts, "knownHosts");
    }
  }
}
