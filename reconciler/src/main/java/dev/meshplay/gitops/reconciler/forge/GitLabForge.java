package dev.meshplay.gitops.reconciler.forge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GitLab's REST API: {@code POST /projects/{id}/statuses/{sha}} (states {@code success} and {@code
 * failed}; the context is {@code name}); the merge request's notes ({@code GET|POST
 * /projects/{id}/merge_requests/{iid}/notes}, {@code PUT
 * /projects/{id}/merge_requests/{iid}/notes/{note_id}}). Authenticated with {@code PRIVATE-TOKEN}.
 */
public final class GitLabForge implements Forge {
  private final ForgeHttp http;
  private final String project;

  /**
   * @param apiUrl {@code https://gitlab.com/api/v4}
   * @param projectPath {@code group/project} (URL-encoded here, as the API asks) or a numeric id
   */
  public GitLabForge(String apiUrl, String projectPath, String token) {
    this.http = new ForgeHttp(apiUrl, Map.of("PRIVATE-TOKEN", token));
    this.project = "/projects/" + URLEncoder.encode(projectPath, StandardCharsets.UTF_8);
  }

  @Override
  public void status(
      String commit, State state, String context, String description, String targetUrl) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("state", state == State.SUCCESS ? "success" : "failed");
    body.put("name", context);
    body.put("description", Forge.oneLine(description));
    if (targetUrl != null) {
      body.put("target_url", targetUrl);
    }
    http.send("POST", project + "/statuses/" + commit, body);
  }

  @Override
  public void comment(String pullRequest, String marker, String body) {
    String notes = project + "/merge_requests/" + pullRequest + "/notes";
    String id = ForgeHttp.commentWith(http.send("GET", notes + "?per_page=100", null), marker);
    if (id == null) {
      http.send("POST", notes, ForgeHttp.body(body));
    } else {
      http.send("PUT", notes + "/" + id, ForgeHttp.body(body));
    }
  }
}
