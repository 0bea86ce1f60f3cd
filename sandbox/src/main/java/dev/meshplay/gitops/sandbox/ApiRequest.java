package dev.meshplay.gitops.sandbox;

import dev.meshplay.gitops.sandbox.document.Documents;
import dev.meshplay.gitops.sandbox.document.Trees;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The parts of an HTTP request the sandbox looks at. */
record ApiRequest(
    HttpMethod method,
    String uri,
    String path,
    Map<String, String> query,
    String mediaType,
    String userAgent,
    String body) {

  static ApiRequest of(RecordedRequest request) {
    String uri = request.getPath();
    int q = uri.indexOf('?');
    String contentType = request.getHeader("Content-Type");
    String mediaType =
        contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    String body =
        request.getBody() == null
            ? ""
            : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
    return new ApiRequest(
        request.method(),
        uri,
        q < 0 ? uri : uri.substring(0, q),
        q < 0 ? Map.of() : query(uri.substring(q + 1)),
        mediaType,
        request.getHeader("User-Agent"),
        body);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.putIfAbsent(decode(key), decode(value));
    }
    return params;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /**
   * Whether {@code dryRun=All} is asked, in the query or (for DELETE) in the DeleteOptions body.
   */
  boolean dryRun() {
    if ("All".equals(query.get("dryRun"))) {
      return true;
    }
    if (method != HttpMethod.DELETE || body.isBlank()) {
      return false;
    }
    try {
      List<Object> dryRun = Trees.asList(Documents.parseObject(body).get("dryRun"));
      return dryRun != null && dryRun.contains("All");
    } catch (IllegalArgumentException notOptions) {
      return false;
    }
  }

  boolean force() {
    return "true".equalsIgnoreCase(query.get("force"));
  }

  /**
   * The field manager of a write: the {@code fieldManager} parameter, else the User-Agent up to its
   * first slash (as the API server derives it), else {@code unknown}.
   */
  String manager() {
    String explicit = query.get("fieldManager");
    if (explicit != null && !explicit.isEmpty()) {
      return explicit;
    }
    String agent = userAgent == null ? "" : userAgent.split("/")[0].strip();
    return agent.isEmpty() ? "unknown" : agent;
  }
}
