package dev.meshplay.gitops.sandbox;

import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clears the mock web server's log of received requests now and then: it keeps every request (body
 * included) for test assertions, which a long-running demo never reads.
 */
final class RequestLogTrimmer extends Dispatcher {
  private static final long EVERY = 1024;

  private final Dispatcher delegate;
  private final MockWebServer server;
  private final AtomicLong count = new AtomicLong();
  private final java.util.Map<String, java.util.concurrent.atomic.LongAdder> byVerb =
      new java.util.concurrent.ConcurrentHashMap<>();

  RequestLogTrimmer(Dispatcher delegate, MockWebServer server) {
    this.delegate = delegate;
    this.server = server;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (count.incrementAndGet() % EVERY == 0) {
      server.reset();
    }
    String path = String.valueOf(request.getPath());
    String verb = path.contains("watch=true") ? "WATCH" : String.valueOf(request.getMethod());
    byVerb.computeIfAbsent(verb, v -> new java.util.concurrent.atomic.LongAdder()).increment();
    return delegate.dispatch(request);
  }

  /** Requests received so far, by HTTP method ({@code WATCH} for watch requests). */
  java.util.Map<String, Long> counts() {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    byVerb.forEach((verb, n) -> counts.put(verb, n.sum()));
    return counts;
  }

  @Override
  public void shutdown() {
    delegate.shutdown();
  }

  @Override
  public void releaseResources() {
    delegate.releaseResources();
  }
}
