package dev.meshplay.gitops.reconciler.forge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitHub's REST API: {@code POST /repos/{owner}/{repo}/statuses/{sha}} for the status, the issue
 * comments of the pull request ({@code GET|POST /repos/{owner}/{repo}/issues/{number}/comments},
 * {@code PATCH /repos/{owner}/{repo}/issues/comments/{id}}) for the comment.
 */
public final class GitHubForge implements Forge {
  private final ForgeHttp http;
  private final String repo;

  /**
   * @param apiUrl {@code https://api.github.com}, or {@code https://HOST/api/v3} for GitHub
   *     Enterprise Server
   * @param repository {@code owner/name}
   */
  public GitHubForge(String apiUrl, String repository, String token) {
    this.http =
        new ForgeHttp(
            apiUrl,
            Map.of(
                "Authorization", "Bearer " + token,
                "Accept", "application/vnd.github+json",
                "X-GitHub-Api-Version", "2022-11-28"));
    this.repo = "/repos/" + repository;
  }

  @Override
  public void status(
      String commit, State state, String context, String description, String targetUrl) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("state", state == State.SUCCESS ? "success" : "failure");
    body.put("context", context);
    body.put("description", Forge.oneLine(description));
    if (targetUrl != null) {
      body.put("target_url", targetUrl);
    }
    http.send("POST", repo + "/statuses/" + commit, body);
  }

  @Override
  public void comment(String pullRequest, String marker, String body) {
    String id =
        ForgeHttp.commentWith(
            http.send("GET", repo + "/issues/" + pullRequest + "/comments?per_page=100", null),
            marker);
    if (id == null) {
      http.send("POST", repo + "/issues/" + pullRequest + "/comments", ForgeHttp.body(body));
    } else {
      http.send("PATCH", repo + "/issues/comments/" + id, ForgeHttp.body(body));
    }
  }
}
