package dev.meshplay.gitops.reconciler.forge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gitea's and Forgejo's REST API (the same routes): {@code POST
 * /repos/{owner}/{repo}/statuses/{sha}}; the pull request's issue comments ({@code GET|POST
 * /repos/{owner}/{repo}/issues/{index}/comments}, {@code PATCH
 * /repos/{owner}/{repo}/issues/comments/{id}}). Authenticated with {@code Authorization: token}.
 */
public final class GiteaForge implements Forge {
  private final ForgeHttp http;
  private final String repo;

  /**
   * @param apiUrl {@code https://HOST/api/v1}
   * @param repository {@code owner/name}
   */
  public GiteaForge(String apiUrl, String repository, String token) {
    this.http =
        new ForgeHttp(
            apiUrl, Map.of("Authorization", "token " + token, "Accept", "application/json"));
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
            http.send("GET", repo + "/issues/" + pullRequest + "/comments", null), marker);
    if (id == null) {
      http.send("POST", repo + "/issues/" + pullRequest + "/comments", ForgeHttp.body(body));
    } else {
      http.send("PATCH", repo + "/issues/comments/" + id, ForgeHttp.body(body));
    }
  }
}
