package dev.meshplay.gitops.reconciler.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy itself, against a small HTTP server: each fault as a client sees it. */
class FaultProxyTest {
  private HttpServer server;
  private FaultProxy proxy;
  private final CountDownLatch streamStarted = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hello",
        exchange -> {
          byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext(
        "/watch",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          OutputStream out = exchange.getResponseBody();
          out.write("event\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
          streamStarted.countDown();
          try {
            Thread.sleep(Duration.ofSeconds(30));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          out.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    proxy = FaultProxy.to(server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    proxy.close();
    server.stop(0);
  }

  @Test
  void passesRequestsThroughAndRecordsTheirFirstLine() throws Exception {
    assertThat(get("/hello").body()).isEqualTo("hello");
    assertThat(proxy.connections())
        .singleElement()
        .satisfies(c -> assertThat(c.firstLine()).isEqualTo("GET /hello HTTP/1.1"));
  }

  @Test
  void answersTheNextConnectionsWithTheGivenStatusThenPasses() throws Exception {
    proxy.set(Fault.http(2, 429, Map.of("Retry-After", "1"), "{\"kind\":\"Status\"}"));

    HttpResponse<String> first = get("/hello");
    HttpResponse<String> second = get("/hello");
    HttpResponse<String> third = get("/hello");

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(proxy.httpAnswersLeft()).isZero();
  }

  @Test
  void aRefusedConnectionFailsTheRequest() {
    proxy.set(Fault.refuse());

    assertThatThrownBy(() -> get("/hello")).isInstanceOf(IOException.class);
  }

  @Test
  void aStalledConnectionTimesOut() {
    proxy.set(Fault.stall());

    assertThatThrownBy(() -> get("/hello")).isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void garbageIsNotAnHttpResponse() {
    proxy.set(Fault.garbage("\u0000\u0001not http at all\r\n\r\n"));

    assertThatThrownBy(() -> get("/hello")).isInstanceOf(IOException.class);
  }

  @Test
  void aSlowLinkDelaysEveryChunk() throws Exception {
    proxy.set(Fault.slow(Duration.ofMillis(300), 1024));
    long start = System.nanoTime();

    assertThat(get("/hello").body()).isEqualTo("hello");
    // At least one chunk each way: a lower bound, which load cannot make fail.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(600));
  }

  @Test
  void cutAllEndsAnOpenStream() throws Exception {
    HttpResponse<InputStream> stream =
        HttpClient.newHttpClient()
            .send(request("/watch"), HttpResponse.BodyHandlers.ofInputStream());
    InputStream body = stream.body();
    assertThat(streamStarted.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(body.readNBytes(6), StandardCharsets.UTF_8)).isEqualTo("event\n");

    proxy.cutAll();

    assertThatThrownBy(() -> body.readAllBytes()).isInstanceOf(IOException.class);
  }

  @Test
  void anInterceptedConnectionWaitsForTheActionOnceThenPassesIntact() throws Exception {
    java.util.List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    proxy.set(Fault.interceptFirst("/hello", () -> order.add("other writer")));

    HttpResponse<String> first = get("/hello");
    order.add("answered");
    HttpResponse<String> second = get("/hello");

    assertThat(first.body()).isEqualTo("hello");
    assertThat(second.body()).isEqualTo("hello");
    assertThat(order).containsExactly("other writer", "answered");
    assertThat(proxy.connections())
        .extracting(FaultProxy.Connection::firstLine)
        .containsExactly("GET /hello HTTP/1.1", "GET /hello HTTP/1.1");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(request(path), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.port() + path))
        .timeout(Duration.ofSeconds(2))
        .build();
  }
}
