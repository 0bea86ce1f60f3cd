package dev.meshplay.gitops.reconciler.forge;

import java.util.Map;

/**
 * GitHub's REST API: {@code POST /repos/{owner}/{repo}/statuses/{sha}} for the status, the issue
 * comments of the pull request ({@code GET|POST /repos/{owner}/{repo}/issues/{number}/comments},
 * {@code PATCH /repos/{owner}/{repo}/issues/comments/{id}}) for the comment.
 */
public final class GitHubForge implements Forge {
  private final RepositoryIssuesApi api;

  /**
   * @param apiUrl {@code https://api.github.com}, or {@code https://HOST/api/v3} for GitHub
   *     Enterprise Server
   * @param repository {@code owner/name}
   */
  public GitHubForge(String apiUrl, String repository, String token) {
    this.api =
        new RepositoryIssuesApi(
            new ForgeHttp(
                apiUrl,
                Map.of(
                    "Authorization", "Bearer " + token,
                    "Accept", "application/vnd.github+json",
                    "X-GitHub-Api-Version", "2022-11-28")),
            repository,
            "?per_page=100");
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
