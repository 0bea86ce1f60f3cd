package dev.meshplay.gitops.perf.profile;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's duration syntax ({@code 30s}, {@code 1m30s}, {@code 500ms}), which Meshery stores. */
final class GoDuration {

  private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ns|us|µs|ms|s|m|h)");

  private GoDuration() {}

  /**
   * Parses a Go duration; a bare integer is taken as seconds, as older Meshery profiles wrote it.
   *
   * @throws IllegalArgumentException when the text is neither
   */
  static Duration parse(String text) {
    String t = text.trim();
    if (t.matches("[0-9]+")) {
      return Duration.ofSeconds(Long.parseLong(t));
    }
    Matcher m = PART.matcher(t);
    double nanos = 0;
    int at = 0;
    while (at < t.length() && m.find(at) && m.start() == at) {
      double n = Double.parseDouble(m.group(1));
      nanos +=
          switch (m.group(2)) {
            case "ns" -> n;
            case "us", "µs" -> n * 1e3;
            case "ms" -> n * 1e6;
            case "s" -> n * 1e9;
            case "m" -> n * 60e9;
            default -> n * 3600e9;
          };
      at = m.end();
    }
    if (at != t.length() || t.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (Go syntax, e.g. 30s, 1m30s, 500ms)");
    }
    return Duration.ofNanos(Math.round(nanos));
  }
}
