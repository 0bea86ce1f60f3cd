package dev.meshplay.gitops.reconciler.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code wrk} run (closed loop) against one URL, started now and read when it ends. */
public final class Wrk {
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

  private final Process process;
  private final String url;

  private Wrk(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  /** One thread, {@code connections} connections, for {@code duration}. */
  public static Wrk start(String url, int connections, Duration duration) throws IOException {
    return new Wrk(
        new ProcessBuilder(
                "wrk",
                "-t1",
                "-c" + connections,
                "-d" + Math.max(1, duration.toSeconds()) + "s",
                "--timeout",
                "30s",
                "--latency",
                url)
            .redirectErrorStream(true)
            .start(),
        url);
  }

  /** Waits for the run to end. */
  public Result result() throws Exception {
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    Matcher rps = RPS.matcher(out);
    Matcher errors = NON_2XX.matcher(out);
    return new Result(
        url,
        rps.find() ? Double.parseDouble(rps.group(1)) : Double.NaN,
        percentile(out, "50%"),
        percentile(out, "99%"),
        errors.find() ? Long.parseLong(errors.group(1)) : 0);
  }

  /** Requests per second, latency percentiles in milliseconds, and non-2xx answers. */
  public record Result(String url, double requestsPerSecond, double p50, double p99, long errors) {
    @Override
    public String toString() {
      return "%s: %.1f req/s, p50 %.1f ms, p99 %.1f ms, %d non-2xx"
          .formatted(url, requestsPerSecond, p50, p99, errors);
    }
  }

  private static double percentile(String out, String label) {
    Matcher m =
        Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\b").matcher(out);
    if (!m.find()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }
}
