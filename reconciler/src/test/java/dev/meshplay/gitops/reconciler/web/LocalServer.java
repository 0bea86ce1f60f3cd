package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.bench.BenchmarkResults;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The real status server on a loopback port, and a client that speaks to it. */
final class LocalServer implements AutoCloseable {
  private final StatusServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  LocalServer(StatusStore store) {
    server = StatusServer.start("127.0.0.1", 0, store, new BenchmarkResults());
  }

  HttpResponse<String> get(String path) {
    return send("GET", path);
  }

  HttpResponse<String> send(String method, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path, e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
