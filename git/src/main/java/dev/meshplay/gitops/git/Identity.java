package dev.meshplay.gitops.git;

import java.util.Objects;

/**
 * The name and e-mail written as author or committer of commits made by the daemon.
 *
 * @param name the display name
 * @param email the e-mail address
 */
public record Identity(String name, String email) {
  public Identity {
    Objects.requireNonNull(name, "identity name");
    Objects.requireNonNull(email, "identity email");
  }
}
