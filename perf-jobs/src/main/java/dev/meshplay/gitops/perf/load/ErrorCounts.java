package dev.meshplay.gitops.perf.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Failed requests by class.
 *
 * @param connect connections that could not be opened (refused, unreachable, TLS handshake)
 * @param timeout requests without a complete answer within the per-request timeout
 * @param io connections closed or reset while a request was in flight
 * @param status answers with a status of 400 or more, by status code
 */
public record ErrorCounts(long connect, long timeout, long io, Map<Integer, Long> status) {

  public static final ErrorCounts NONE = new ErrorCounts(0, 0, 0, Map.of());

  public ErrorCounts {
    status = Map.copyOf(status);
  }

  public long total() {
    return connect + timeout + io + status.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The sum of two counts, e.g. of two threads. */
  public ErrorCounts plus(ErrorCounts other) {
    Map<Integer, Long> merged = new TreeMap<>(status);
    other.status.forEach((code, n) -> merged.merge(code, n, Long::sum));
    return new ErrorCounts(connect + other.connect, timeout + other.timeout, io + other.io, merged);
  }

  /**
   * Flat form for result files: {@code connect}, {@code timeout}, {@code io}, {@code status_500}.
   */
  public Map<String, Long> asMap() {
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("connect", connect);
    out.put("timeout", timeout);
    out.put("io", io);
    // Code 0: an error status whose code the generator does not report (wrk).
    new TreeMap<>(status)
        .forEach((code, n) -> out.put(code == 0 ? "status_other" : "status_" + code, n));
    return out;
  }

  /** The inverse of {@link #asMap}. */
  public static ErrorCounts fromMap(Map<String, ? extends Number> map) {
    Map<Integer, Long> status = new TreeMap<>();
    map.forEach(
        (key, n) -> {
          if (key.equals("status_other")) {
            status.put(0, n.longValue());
          } else if (key.startsWith("status_")) {
            status.put(Integer.parseInt(key.substring(7)), n.longValue());
          }
        });
    return new ErrorCounts(value(map, "connect"), value(map, "timeout"), value(map, "io"), status);
  }

  private static long value(Map<String, ? extends Number> map, String key) {
    Number n = map.get(key);
    return n == null ? 0 : n.longValue();
  }
}
