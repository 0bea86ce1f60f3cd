package dev.meshplay.gitops.reconciler.forge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A forge on loopback that records every request and keeps the comments created, so a second
 * publish finds the first comment again. Any GET lists the comments (with an unrelated one first);
 * any POST to a path ending in {@code /comments} or {@code /notes} creates one with id 42.
 */
public final class FakeForgeServer implements AutoCloseable {
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** One request as the server saw it; header names lower-cased. */
  public record Request(String method, String uri, Map<String, String> headers, JsonNode body) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<String> comments = new CopyOnWriteArrayList<>();

  public FakeForgeServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url(String prefix) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public int commentsCreated() {
    return comments.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
    String method = exchange.getRequestMethod();
    String uri = exchange.getRequestURI().getRawPath();
    if (exchange.getRequestURI().getRawQuery() != null) {
      uri += "?" + exchange.getRequestURI().getRawQuery();
    }
    requests.add(new Request(method, uri, headers, text.isEmpty() ? null : JSON.readTree(text)));
    String response = "{}";
    int status = 201;
    if (method.equals("GET")) {
      List<Map<String, Object>> listed = new ArrayList<>();
      listed.add(Map.of("id", 7, "body", "LGTM"));
      comments.forEach(c -> listed.add(Map.of("id", 42, "body", c)));
      response = JSON.writeValueAsString(listed);
      status = 200;
    } else if (method.equals("POST") && (uri.endsWith("/comments") || uri.endsWith("/notes"))) {
      comments.add(JSON.readTree(text).get("body").asString());
    } else if (!method.equals("POST")) {
      status = 200;
    }
    byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
