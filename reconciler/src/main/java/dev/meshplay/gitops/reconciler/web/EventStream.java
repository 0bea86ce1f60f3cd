package dev.meshplay.gitops.reconciler.web;

import dev.meshplay.gitops.reconciler.events.Event;
import dev.meshplay.gitops.reconciler.events.EventLog;
import dev.meshplay.gitops.reconciler.events.LogUpdate;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/v1/events/stream}: Server-Sent Events. Each recorded event goes out as {@code
 * event: event} with its number as the id (a reconnect with {@code Last-Event-ID} gets what it
 * missed, as far as the log still holds it), and each status rewrite as {@code event: status}. The
 * handler blocks on its own (virtual) thread; a comment every few seconds finds a closed client.
 * Streams are capped, and a client too slow to keep up is cut off and reconnects.
 */
final class EventStream implements Handler, AutoCloseable {
  static final String PATH = "/api/v1/events/stream";
  static final int MAX_STREAMS = 64;
  private static final int BACKLOG = 1024;
  private static final long HEARTBEAT_SECONDS = 10;
  private static final LogUpdate END = new LogUpdate.StatusChanged("", "");

  private final EventLog log;
  private final Semaphore slots = new Semaphore(MAX_STREAMS);
  private final Set<BlockingQueue<LogUpdate>> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  EventStream(EventLog log) {
    this.log = log;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    if (closed || !slots.tryAcquire()) {
      res.status(Status.SERVICE_UNAVAILABLE_503);
      Responses.send(res, Responses.TEXT, "too many event streams\n");
      return;
    }
    BlockingQueue<LogUpdate> queue = new LinkedBlockingQueue<>(BACKLOG);
    open.add(queue);
    try (AutoCloseable subscription = log.subscribe(u -> overflow(queue, u));
        OutputStream out = stream(res)) {
      write(out, "retry: 3000\n\n");
      long last =
          req.headers()
              .first(HeaderNames.create("Last-Event-ID"))
              .map(EventStream::seq)
              .orElse(-1L);
      if (last >= 0) {
        for (Event e : log.after(last)) {
          write(out, frame(new LogUpdate.Recorded(e)));
        }
      }
      while (!closed) {
        LogUpdate update = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        if (update == END) {
          break;
        }
        write(out, update == null ? ": keep-alive\n\n" : frame(update));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception clientGone) {
      // The browser closed the page or the network dropped: the stream simply ends.
    } finally {
      open.remove(queue);
      slots.release();
    }
  }

  private static OutputStream stream(ServerResponse res) {
    Responses.headers(res, "text/event-stream; charset=UTF-8");
    res.header(HeaderNames.create("X-Accel-Buffering"), "no");
    return res.outputStream();
  }

  // A full queue means the client stopped reading: end its stream rather than grow without bound.
  private static void overflow(BlockingQueue<LogUpdate> queue, LogUpdate update) {
    if (!queue.offer(update)) {
      queue.clear();
      queue.offer(END);
    }
  }

  static String frame(LogUpdate update) {
    return switch (update) {
      case LogUpdate.Recorded r ->
          "id: "
              + r.event().seq()
              + "\nevent: event\ndata: "
              + oneLine(EventsJson.event(r.event()))
              + "\n\n";
      case LogUpdate.StatusChanged s ->
          "event: status\ndata: "
              + oneLine(Map.of("source", s.source(), "cluster", s.cluster()))
              + "\n\n";
    };
  }

  // JSON without line breaks (the data line must be one line); Jackson escapes newlines in strings.
  private static String oneLine(Object value) {
    return StatusJson.compact(value);
  }

  private static long seq(String header) {
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void write(OutputStream out, String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends every open stream, so the server can stop without waiting for clients. */
  @Override
  public void close() {
    closed = true;
    open.forEach(q -> q.offer(END));
  }
}
