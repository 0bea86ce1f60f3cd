package dev.meshplay.gitops.reconciler.forge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP for the forge clients. The authentication header is passed in per forge and never
 * appears in an error; errors name the method, path and HTTP status.
 */
final class ForgeHttp {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;
  private final Map<String, String> headers;

  /**
   * @param baseUrl the API root, e.g. {@code https://api.github.com}, without a trailing slash
   * @param headers authentication and media-type headers sent with every request
   */
  ForgeHttp(String baseUrl, Map<String, String> headers) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.headers = Map.copyOf(headers);
  }

  JsonNode send(String method, String path, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(request::header);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new ForgeException(method + " " + path + ": HTTP " + response.statusCode());
      }
      String text = response.body();
      return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
    } catch (IOException e) {
      throw new ForgeException(method + " " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ForgeException(method + " " + path + ": interrupted", e);
    }
  }

  /** The id of the first comment in {@code comments} whose body holds {@code marker}, or null. */
  static String commentWith(JsonNode comments, String marker) {
    if (comments == null || !comments.isArray()) {
      return null;
    }
    for (JsonNode comment : comments) {
      JsonNode body = comment.get("body");
      if (body != null && body.asString().contains(marker)) {
        return comment.get("id").asString();
      }
    }
    return null;
  }

  static Map<String, Object> body(String text) {
    return Map.of("body", text);
  }
}
