package dev.meshplay.gitops.reconciler.forge;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The GitHub-shaped calls that Gitea and Forgejo reproduce route for route: {@code POST
 * /repos/{owner}/{repo}/statuses/{sha}}, and the pull request's issue comments ({@code GET|POST
 * /repos/{owner}/{repo}/issues/{n}/comments}, {@code PATCH /repos/{owner}/{repo}/issues/comments/
 * {id}}). Only the authentication headers and the comment listing's query differ.
 */
final class RepositoryIssuesApi {
  private final ForgeHttp http;
  private final String repo;
  private final String listQuery;

  /**
   * @param repository {@code owner/name}
   * @param listQuery appended to the comment listing, e.g. {@code ?per_page=100}, or empty
   */
  RepositoryIssuesApi(ForgeHttp http, String repository, String listQuery) {
    this.http = http;
    this.repo = "/repos/" + repository;
    this.listQuery = listQuery;
  }

  void status(
      String commit, Forge.State state, String context, String description, String targetUrl) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("state", state == Forge.State.SUCCESS ? "success" : "failure");
    body.put("context", context);
    body.put("description", Forge.oneLine(description));
    if (targetUrl != null) {
      body.put("target_url", targetUrl);
    }
    http.send("POST", repo + "/statuses/" + commit, body);
  }

  void comment(String pullRequest, String marker, String body) {
    String comments = repo + "/issues/" + pullRequest + "/comments";
    String id = ForgeHttp.commentWith(http.send("GET", comments + listQuery, null), marker);
    if (id == null) {
      http.send("POST", comments, ForgeHttp.body(body));
    } else {
      http.send("PATCH", repo + "/issues/comments/" + id, ForgeHttp.body(body));
    }
  }
}
