package dev.meshplay.gitops.reconciler;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the status page and API over a real socket, as a browser or script would. */
final class StatusClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  StatusClient(int port) {
    this.port = port;
  }

  HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("GET " + path, e);
    }
  }

  JsonNode status() {
    return JsonMapper.builder().build().readTree(get("/api/v1/status").body());
  }

  String appliedCommit() {
    JsonNode id = status().path("sources").path(0).path("lastAppliedCommit");
    return id.isNull() || id.isMissingNode() ? null : id.asString();
  }

  JsonNode design(String name) {
    for (JsonNode design : status().path("designs")) {
      if (design.path("name").asString().equals(name)) {
        return design;
      }
    }
    return null;
  }
}
