package dev.meshplay.gitops.reconciler.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on the loopback between the daemon and one dependency (a Git server, an API server).
 * It passes bytes through, or misbehaves as the current {@link Fault} says, and records every
 * connection it accepted so a test can tell what the client tried and when.
 */
public final class FaultProxy implements AutoCloseable {
  private static final int CHUNK = 16 * 1024;

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final AtomicInteger httpAnswersLeft = new AtomicInteger();
  private volatile Fault fault = Fault.pass();

  /** One accepted connection: when, under which fault, and the first line the client sent. */
  public record Connection(Instant at, String fault, String firstLine) {}

  private FaultProxy(ServerSocket listener, InetSocketAddress target) {
    this.listener = listener;
    this.target = target;
    Thread.ofPlatform().daemon().name("fault-proxy-" + port()).start(this::acceptLoop);
  }

  /** A proxy on a free loopback port in front of {@code targetPort} on the loopback. */
  public static FaultProxy to(int targetPort) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    return new FaultProxy(
        new ServerSocket(0, 200, loopback), new InetSocketAddress(loopback, targetPort));
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Applies to connections accepted from now on. */
  public void set(Fault next) {
    if (next instanceof Fault.HttpAnswer answer) {
      httpAnswersLeft.set(answer.times());
    }
    fault = next;
  }

  /** Closes every open connection both ways, as a dropped network path does to a watch. */
  public void cutAll() {
    for (Socket socket : open) {
      closeQuietly(socket);
    }
  }

  /** The connections accepted so far, oldest first. */
  public List<Connection> connections() {
    return List.copyOf(connections);
  }

  /** How many HTTP fault answers of the last {@link Fault#http} are still to give. */
  public int httpAnswersLeft() {
    return Math.max(0, httpAnswersLeft.get());
  }

  @Override
  public void close() {
    closeQuietly(listener);
    cutAll();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        open.add(client);
        Fault current = fault;
        Thread.ofVirtual().start(() -> serve(client, current));
      } catch (IOException e) {
        if (!listener.isClosed()) {
          System.err.println("fault proxy: accept failed: " + e);
        }
      }
    }
  }

  private void serve(Socket client, Fault current) {
    try {
      switch (current) {
        case Fault.Refuse refuse -> {
          record(current, "");
          client.setSoLinger(true, 0);
          client.close();
        }
        case Fault.Stall stall -> {
          InputStream in = client.getInputStream();
          byte[] first = new byte[CHUNK];
          int n = in.read(first);
          record(current, firstLine(first, n));
          in.transferTo(OutputStream.nullOutputStream());
        }
        case Fault.Garbage garbage -> {
          byte[] first = new byte[CHUNK];
          int n = client.getInputStream().read(first);
          record(current, firstLine(first, n));
          client.getOutputStream().write(garbage.reply());
          client.getOutputStream().flush();
        }
        case Fault.HttpAnswer answer -> {
          if (httpAnswersLeft.getAndDecrement() > 0) {
            answerHttp(client, answer);
          } else {
            relay(client, Fault.pass(), Duration.ZERO, CHUNK);
          }
        }
        case Fault.Intercept intercept -> {
          byte[] first = new byte[CHUNK];
          int n = client.getInputStream().read(first);
          String line = firstLine(first, n);
          record(current, line);
          if (line.contains(intercept.marker()) && intercept.fired().compareAndSet(false, true)) {
            intercept.before().run();
          }
          relay(client, Arrays.copyOf(first, Math.max(n, 0)), Duration.ZERO, CHUNK);
        }
        case Fault.Slow slow -> relay(client, current, slow.delay(), slow.chunkBytes());
        case Fault.Pass pass -> relay(client, current, Duration.ZERO, CHUNK);
      }
    } catch (IOException | InterruptedException e) {
      // The client or the target went away; either ends this connection.
    } finally {
      closeQuietly(client);
      open.remove(client);
    }
  }

  private void answerHttp(Socket client, Fault.HttpAnswer answer) throws IOException {
    String head = readHttpHead(client.getInputStream());
    record(answer, head.lines().findFirst().orElse(""));
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    StringBuilder response = new StringBuilder();
    response.append("HTTP/1.1 ").append(answer.status()).append(" Fault\r\n");
    answer.headers().forEach((k, v) -> response.append(k).append(": ").append(v).append("\r\n"));
    response.append("Content-Type: application/json\r\n");
    response.append("Content-Length: ").append(body.length).append("\r\n");
    response.append("Connection: close\r\n\r\n");
    OutputStream out = client.getOutputStream();
    out.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private void relay(Socket client, Fault current, Duration delay, int chunkBytes)
      throws IOException, InterruptedException {
    relay(client, current, new byte[0], delay, chunkBytes);
  }

  /** Relays, the client's {@code alreadyRead} bytes sent to the target first (not recorded). */
  private void relay(Socket client, byte[] alreadyRead, Duration delay, int chunkBytes)
      throws IOException, InterruptedException {
    relay(client, null, alreadyRead, delay, chunkBytes);
  }

  private void relay(
      Socket client, Fault current, byte[] alreadyRead, Duration delay, int chunkBytes)
      throws IOException, InterruptedException {
    Socket upstream = new Socket();
    open.add(upstream);
    try {
      upstream.connect(target, 5_000);
      upstream.getOutputStream().write(alreadyRead);
      Thread up =
          Thread.ofVirtual().start(() -> pump(client, upstream, delay, chunkBytes, current));
      pump(upstream, client, delay, chunkBytes, null);
      up.join();
    } finally {
      closeQuietly(upstream);
      open.remove(upstream);
    }
  }

  /** Copies {@code from} to {@code to}; the first chunk of a client's bytes is recorded. */
  private void pump(Socket from, Socket to, Duration delay, int chunkBytes, Fault recordAs) {
    byte[] buffer = new byte[chunkBytes];
    boolean first = recordAs != null;
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (first) {
          record(recordAs, firstLine(buffer, n));
          first = false;
        }
        if (!delay.isZero()) {
          Thread.sleep(delay);
        }
        out.write(buffer, 0, n);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException | InterruptedException e) {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private void record(Fault current, String firstLine) {
    connections.add(new Connection(Instant.now(), current.getClass().getSimpleName(), firstLine));
  }

  private static String readHttpHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      head.append((char) c);
      if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
        break;
      }
    }
    return head.toString();
  }

  private static String firstLine(byte[] bytes, int length) {
    if (length <= 0) {
      return "";
    }
    String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Already closed or reset: nothing left to release.
    }
  }
}
