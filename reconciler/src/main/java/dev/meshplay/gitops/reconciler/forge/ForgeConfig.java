package dev.meshplay.gitops.reconciler.forge;

import dev.meshplay.gitops.git.Secret;
import java.util.Locale;

/**
 * Where a source's pull-request plans are published on its forge.
 *
 * @param apiUrl the API root ({@code https://api.github.com}, {@code https://HOST/api/v1}, {@code
 *     https://gitlab.com/api/v4})
 * @param repository {@code owner/name}, or GitLab's {@code group/project}
 * @param token where the API token is read from at each use (an environment variable or a file);
 *     the token itself is never a value here
 * @param statusPage the link behind the commit status and in the comment, or null
 */
public record ForgeConfig(
    Kind kind, String apiUrl, String repository, Secret token, String statusPage) {

  /** Which forge's API. Forgejo speaks Gitea's. */
  public enum Kind {
    GITHUB("https://api.github.com"),
    GITEA(null),
    GITLAB("https://gitlab.com/api/v4");

    private final String defaultApiUrl;

    Kind(String defaultApiUrl) {
      this.defaultApiUrl = defaultApiUrl;
    }

    /** The public service's API root, or null when every installation has its own (Gitea). */
    public String defaultApiUrl() {
      return defaultApiUrl;
    }

    /** {@code github}, {@code gitea}, {@code forgejo} or {@code gitlab}; null for others. */
    public static Kind parse(String text) {
      return switch (String.valueOf(text).toLowerCase(Locale.ROOT)) {
        case "github" -> GITHUB;
        case "gitea", "forgejo" -> GITEA;
        case "gitlab" -> GITLAB;
        default -> null;
      };
    }
  }

  /** A client for this forge; the token is read now. */
  public Forge client() {
    String secret = token.reveal();
    return switch (kind) {
      case GITHUB -> new GitHubForge(apiUrl, repository, secret);
      case GITEA -> new GiteaForge(apiUrl, repository, secret);
      case GITLAB -> new GitLabForge(apiUrl, repository, secret);
    };
  }
}
