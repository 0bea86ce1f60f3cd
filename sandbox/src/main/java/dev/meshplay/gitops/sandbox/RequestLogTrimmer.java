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

  RequestLogTrimmer(Dispatcher delegate, MockWebServer server) {
    this.delegate = delegate;
    this.server = server;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (count.incrementAndGet() % EVERY == 0) {
      server.reset();
    }
    return delegate.dispatch(request);
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
