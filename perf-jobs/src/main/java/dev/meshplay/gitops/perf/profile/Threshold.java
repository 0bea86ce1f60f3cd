package dev.meshplay.gitops.perf.profile;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One condition a run must meet, such as {@code p99 < 250ms}, {@code errorRate < 1%} or {@code rps
 * > 900}. The limit is held in the metric's canonical unit: milliseconds for latencies, a fraction
 * (0..1) for the error rate, requests per second for the rate.
 *
 * @param text the condition as written, kept for reports
 */
public record Threshold(Metric metric, Comparison comparison, double limit, String text) {

  private static final Pattern FORM =
      Pattern.compile("\\s*([A-Za-z0-9.]+)\\s*(<=|>=|<|>)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(\\S*)\\s*");

  /** What a threshold constrains. */
  public enum Metric {
    MIN("min"),
    AVERAGE("average"),
    P50("p50"),
    P90("p90"),
    P99("p99"),
    P999("p99.9"),
    MAX("max"),
    ERROR_RATE("errorRate"),
    RPS("rps");

    private final String key;

    Metric(String key) {
      this.key = key;
    }

    /** The name used in files and reports. */
    public String key() {
      return key;
    }

    boolean isLatency() {
      return this != ERROR_RATE && this != RPS;
    }

    static Metric parse(String word) {
      String w = word.toLowerCase(Locale.ROOT);
      return switch (w) {
        case "mean", "avg", "average" -> AVERAGE;
        case "p999" -> P999;
        case "errors", "error_rate", "errorrate" -> ERROR_RATE;
        case "qps", "rps", "actual_qps" -> RPS;
        default -> {
          for (Metric m : values()) {
            if (m.key.equalsIgnoreCase(w)) {
              yield m;
            }
          }
          throw new IllegalArgumentException(
              "unknown metric '"
                  + word
                  + "' (use min, average, p50, p90, p99, p99.9, max,"
                  + " errorRate or rps)");
        }
      };
    }
  }

  /** How the measured value must relate to the limit. */
  public enum Comparison {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    boolean holds(double actual, double limit) {
      return switch (this) {
        case LESS -> actual < limit;
        case LESS_OR_EQUAL -> actual <= limit;
        case GREATER -> actual > limit;
        case GREATER_OR_EQUAL -> actual >= limit;
      };
    }

    static Comparison of(String symbol) {
      for (Comparison c : values()) {
        if (c.symbol.equals(symbol)) {
          return c;
        }
      }
      throw new IllegalArgumentException("unknown comparison " + symbol);
    }
  }

  /** Whether a measured value, in the metric's canonical unit, meets this threshold. */
  public boolean holds(double actual) {
    return comparison.holds(actual, limit);
  }

  /**
   * Parses {@code METRIC OP NUMBER[UNIT]}.
   *
   * @throws IllegalArgumentException naming what is wrong, for a diagnostic
   */
  public static Threshold parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "threshold '" + text + "' is not of the form 'METRIC < NUMBER[UNIT]' (e.g. p99 < 250ms)");
    }
    Metric metric = Metric.parse(m.group(1));
    double number = Double.parseDouble(m.group(3));
    String unit = m.group(4).toLowerCase(Locale.ROOT);
    double limit;
    if (metric.isLatency()) {
      limit =
          switch (unit) {
            case "ms" -> number;
            case "s" -> number * 1000;
            case "us", "µs" -> number / 1000;
            default ->
                throw new IllegalArgumentException(
                    "latency threshold '" + text + "' needs a unit: us, ms or s");
          };
    } else if (metric == Metric.ERROR_RATE) {
      limit =
          switch (unit) {
            case "%" -> number / 100;
            case "" -> number;
            default -> throw new IllegalArgumentException("errorRate takes % or a fraction");
          };
    } else if (unit.isEmpty() || unit.equals("/s") || unit.equals("rps")) {
      limit = number;
    } else {
      throw new IllegalArgumentException("rps takes a plain number of requests per second");
    }
    return new Threshold(metric, Comparison.of(m.group(2)), limit, text.trim());
  }
}
