package dev.meshplay.gitops.git.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the push and pull-request payloads of GitHub, GitLab, Gitea and Forgejo. */
final class Payloads {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Payloads() {}

  /**
   * The event in {@code body}; empty for events that never call for a poll (ping, tags, issues).
   *
   * @throws IllegalArgumentException when the body is not the JSON the event header announces
   */
  static Optional<HookEvent> parse(Provider provider, String event, byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("body is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("body is not a JSON object");
    }
    return switch (provider) {
      case GITHUB, GITEA, FORGEJO ->
          switch (event) {
            case "push" ->
                Optional.of(
                    push(
                        provider,
                        root,
                        root.path("repository"),
                        "clone_url",
                        "ssh_url",
                        "html_url"));
            case "pull_request" -> Optional.of(gitHubPull(provider, root));
            default -> Optional.empty();
          };
      case GITLAB ->
          switch (event) {
            case "Push Hook" ->
                Optional.of(
                    push(
                        provider,
                        root,
                        root.path("project"),
                        "git_http_url",
                        "git_ssh_url",
                        "web_url"));
            case "Merge Request Hook" -> Optional.of(gitLabMerge(root));
            default -> Optional.empty();
          };
    };
  }

  private static HookEvent push(Provider provider, JsonNode root, JsonNode repo, String... urls) {
    return new HookEvent.Push(
        provider, urls(repo, urls), required(root, "ref"), root.path("after").asString(""));
  }

  private static HookEvent gitHubPull(Provider provider, JsonNode root) {
    JsonNode pull = root.path("pull_request");
    int number = root.path("number").asInt(pull.path("number").asInt(0));
    if (number <= 0) {
      throw new IllegalArgumentException("pull_request payload without a number");
    }
    return new HookEvent.PullRequest(
        provider,
        urls(root.path("repository"), "clone_url", "ssh_url", "html_url"),
        "refs/pull/" + number + "/head",
        number,
        root.path("action").asString(""),
        pull.path("head").path("sha").asString(""));
  }

  private static HookEvent gitLabMerge(JsonNode root) {
    JsonNode request = root.path("object_attributes");
    int iid = request.path("iid").asInt(0);
    if (iid <= 0) {
      throw new IllegalArgumentException(
          "Merge Request Hook payload without object_attributes.iid");
    }
    return new HookEvent.PullRequest(
        Provider.GITLAB,
        urls(root.path("project"), "git_http_url", "git_ssh_url", "web_url"),
        "refs/merge-requests/" + iid + "/head",
        iid,
        request.path("action").asString(""),
        request.path("last_commit").path("id").asString(""));
  }

  private static List<String> urls(JsonNode repo, String... fields) {
    List<String> urls = new ArrayList<>();
    for (String field : fields) {
      String url = repo.path(field).asString("");
      if (!url.isEmpty()) {
        urls.add(url);
      }
    }
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("payload names no repository URL");
    }
    return urls;
  }

  private static String required(JsonNode root, String field) {
    String value = root.path(field).asString("");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("payload without '" + field + "'");
    }
    return value;
  }
}
