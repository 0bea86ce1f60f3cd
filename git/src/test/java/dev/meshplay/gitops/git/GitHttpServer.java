package dev.meshplay.gitops.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Smart HTTP on the loopback: the system's {@code git http-backend} run as a CGI behind the JDK's
 * HTTP server, with HTTP basic authentication. Serves every repository under {@code root}.
 */
public final class GitHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final Path root;
  private final String user;
  private final String password;
  private final AtomicInteger requests = new AtomicInteger();

  public GitHttpServer(Path root, String user, String password) throws IOException {
    this.root = root;
    this.user = user;
    this.password = password;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
  }

  /** The URL of repository directory {@code name} under the root. */
  public String url(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name;
  }

  public int requests() {
    return requests.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      String expected =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      ProcessBuilder cgi = new ProcessBuilder("git", "http-backend");
      Map<String, String> env = cgi.environment();
      env.clear();
      env.put("PATH", System.getenv("PATH"));
      env.put("HOME", root.toString());
      env.put("GIT_CONFIG_NOSYSTEM", "1");
      env.put("GIT_PROJECT_ROOT", root.toString());
      env.put("GIT_HTTP_EXPORT_ALL", "1");
      env.put("REMOTE_USER", user);
      env.put("REMOTE_ADDR", "127.0.0.1");
      env.put("REQUEST_METHOD", exchange.getRequestMethod());
      env.put("PATH_INFO", exchange.getRequestURI().getPath());
      String query = exchange.getRequestURI().getRawQuery();
      env.put("QUERY_STRING", query == null ? "" : query);
      header(exchange, "Content-Type", env, "CONTENT_TYPE");
      header(exchange, "Content-Encoding", env, "HTTP_CONTENT_ENCODING");
      header(exchange, "Git-Protocol", env, "GIT_PROTOCOL");
      Process process = cgi.start();
      try (OutputStream stdin = process.getOutputStream()) {
        exchange.getRequestBody().transferTo(stdin);
      }
      byte[] output = process.getInputStream().readAllBytes();
      respond(exchange, output);
    }
  }

  private static void header(
      HttpExchange exchange, String name, Map<String, String> env, String as) {
    String value = exchange.getRequestHeaders().getFirst(name);
    if (value != null) {
      env.put(as, value);
    }
  }

  // A CGI answer is headers, a blank line, then the body; "Status:" carries the code.
  private static void respond(HttpExchange exchange, byte[] output) throws IOException {
    int end = 0;
    int bodyStart = -1;
    for (int i = 0; i + 1 < output.length; i++) {
      if (output[i] == '\n' && output[i + 1] == '\n') {
        end = i;
        bodyStart = i + 2;
        break;
      }
      if (i + 3 < output.length
          && output[i] == '\r'
          && output[i + 1] == '\n'
          && output[i + 2] == '\r'
          && output[i + 3] == '\n') {
        end = i;
        bodyStart = i + 4;
        break;
      }
    }
    if (bodyStart < 0) {
      exchange.sendResponseHeaders(502, -1);
      return;
    }
    int status = 200;
    for (String line : new String(output, 0, end, StandardCharsets.ISO_8859_1).split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Status")) {
        status = Integer.parseInt(value.substring(0, 3));
      } else {
        exchange.getResponseHeaders().add(name, value);
      }
    }
    int length = output.length - bodyStart;
    exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(output, bodyStart, length);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
