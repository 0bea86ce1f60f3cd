package dev.meshplay.gitops.reconciler.forge;

import java.util.Map;

/**
 * Gitea's and Forgejo's REST API (the same routes): {@code POST
 * /repos/{owner}/{repo}/statuses/{sha}}; the pull request's issue comments ({@code GET|POST
 * /repos/{owner}/{repo}/issues/{index}/comments}, {@code PATCH
 * /repos/{owner}/{repo}/issues/comments/{id}}). Authenticated with {@code Authorization: token}.
 */
public final class GiteaForge implements Forge {
  private final RepositoryIssuesApi api;

  /**
   * @param apiUrl {@code https://HOST/api/v1}
   * @param repository {@code owner/name}
   */
  public GiteaForge(String apiUrl, String repository, String token) {
    this.api =
        new RepositoryIssuesApi(
            new ForgeHttp(
                apiUrl, Map.of("Authorization", "token " + token, "Accept", "application/json")),
            repository,
            "");
  }

  @Override
  public void status(
      String commit, State state, String context, String description, String targetUrl) {
    api.status(commit, state, context, description, targetUrl);
  }

  @Override
  public void comment(String pullRequest, String marker, String body) {
    api.comment(pullRequest, marker, body);
  }
}
