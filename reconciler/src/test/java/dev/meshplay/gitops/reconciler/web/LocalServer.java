package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.bench.BenchmarkResults;
import dev.meshplay.gitops.reconciler.metrics.GitOpsMetrics;
import dev.meshplay.gitops.reconciler.status.StatusStore;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

/** The real status server on a loopback port, and a client that speaks to it. */
final class LocalServer implements AutoCloseable {
  private final StatusServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  LocalServer(StatusStore store) {
    server = StatusServer.start("127.0.0.1", 0, store, new BenchmarkResults());
  }

  /** With events, manifests and access control. */
  LocalServer(StatusStore store, ServerParts parts) {
    server =
        StatusServer.start(
            "127.0.0.1",
            0,
            store,
            new BenchmarkResults(),
            new GitOpsMetrics(Clock.systemUTC()),
            null,
            StatusServer.NO_PULLS,
            parts);
  }

  HttpResponse<String> get(String path) {
    return send("GET", path);
  }

  /** A GET with request headers, e.g. {@code Authorization}. */
  HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("GET " + path, e);
    }
  }

  /** A GET whose body is read as it arrives: for the event stream, which does not end. */
  HttpResponse<InputStream> open(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (Exception e) {
      throw new IllegalStateException("GET " + path, e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
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
