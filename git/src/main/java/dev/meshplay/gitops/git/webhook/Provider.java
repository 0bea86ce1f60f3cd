package dev.meshplay.gitops.git.webhook;

/**
 * The Git hosts whose webhooks are understood, with the header naming the event of each. Gitea and
 * Forgejo also send GitHub's headers, so they are recognised first.
 */
public enum Provider {
  GITEA("X-Gitea-Event"),
  FORGEJO("X-Forgejo-Event"),
  GITLAB("X-Gitlab-Event"),
  GITHUB("X-GitHub-Event");

  private final String eventHeader;

  Provider(String eventHeader) {
    this.eventHeader = eventHeader;
  }

  public String eventHeader() {
    return eventHeader;
  }

  /** The provider that sent {@code request}, or null when no known event header is present. */
  static Provider of(WebhookRequest request) {
    for (Provider provider : values()) {
      if (request.header(provider.eventHeader) != null) {
        return provider;
      }
    }
    return null;
  }
}
