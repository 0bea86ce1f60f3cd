package dev.meshplay.gitops.reconciler.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * How a {@link FaultProxy} treats the connections it accepts from now on. Connections already open
 * keep the fault they started with; {@link FaultProxy#cutAll()} ends them.
 */
public sealed interface Fault {
  /** Bytes pass both ways unchanged: a healthy dependency. */
  static Fault pass() {
    return new Pass();
  }

  /** Accepted and reset at once, before a byte is read: the dependency is down. */
  static Fault refuse() {
    return new Refuse();
  }

  /** Accepted and read, never answered: a hung dependency, seen as a timeout. */
  static Fault stall() {
    return new Stall();
  }

  /** Every chunk (at most {@code chunkBytes}) waits {@code delay} each way: a slow link. */
  static Fault slow(Duration delay, int chunkBytes) {
    return new Slow(delay, chunkBytes);
  }

  /** After the client's first bytes, answers {@code reply} and closes: a broken server. */
  static Fault garbage(String reply) {
    return new Garbage(reply.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * The next {@code times} connections get this HTTP response to their first request, then are
   * closed; later connections pass. An API server answering 503 or 429 with {@code Retry-After}.
   */
  static Fault http(int times, int status, Map<String, String> headers, String body) {
    return new HttpAnswer(times, status, Map.copyOf(headers), body);
  }

  /**
   * Passes every connection, but the first one whose first line contains {@code marker} waits for
   * {@code before} to run before any of its bytes reach the target: another writer slipping in
   * between a client's read and its write (a Git push race).
   */
  static Fault interceptFirst(String marker, Runnable before) {
    return new Intercept(marker, before, new java.util.concurrent.atomic.AtomicBoolean());
  }

  record Pass() implements Fault {}

  record Intercept(String marker, Runnable before, java.util.concurrent.atomic.AtomicBoolean fired)
      implements Fault {}

  record Refuse() implements Fault {}

  record Stall() implements Fault {}

  record Slow(Duration delay, int chunkBytes) implements Fault {
    public Slow {
      if (chunkBytes < 1) {
        throw new IllegalArgumentException("chunkBytes must be positive: " + chunkBytes);
      }
    }
  }

  record Garbage(byte[] reply) implements Fault {}

  record HttpAnswer(int times, int status, Map<String, String> headers, String body)
      implements Fault {}
}
