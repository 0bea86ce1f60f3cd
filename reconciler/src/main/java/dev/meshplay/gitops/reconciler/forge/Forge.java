package dev.meshplay.gitops.reconciler.forge;

/** The two things a plan publishes on a forge; one implementation per forge's REST API. */
public sealed interface Forge permits GitHubForge, GiteaForge, GitLabForge {

  /** A commit status's outcome. */
  enum State {
    SUCCESS,
    FAILURE
  }

  /**
   * Sets the commit status named {@code context} on {@code commit}.
   *
   * @param description one line; forges cut long ones, so it is cut to 140 characters here
   * @param targetUrl the link behind the status (the status page), or null
   */
  void status(String commit, State state, String context, String description, String targetUrl);

  /**
   * Creates the pull request's plan comment, or edits the one that carries {@code marker}: one
   * comment per pull request, never one per push.
   */
  void comment(String pullRequest, String marker, String body);

  /** Forges reject (GitHub) or cut long descriptions; one line of at most 140 characters. */
  static String oneLine(String text) {
    String line = text.replace('\n', ' ');
    return line.length() <= 140 ? line : line.substring(0, 139) + "…";
  }
}
