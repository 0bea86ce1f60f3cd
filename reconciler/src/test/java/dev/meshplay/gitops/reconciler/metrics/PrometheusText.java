package dev.meshplay.gitops.reconciler.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format (0.0.4), enough to prove an exposition parses:
 * every line is a comment, blank, or {@code name{labels} value}, and every sample belongs to a
 * declared family.
 */
public final class PrometheusText {
  private static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\})?"
              + " (-?[0-9.eE+-]+|NaN|[+-]Inf)( -?[0-9]+)?");
  private static final Pattern TYPE =
      Pattern.compile(
          "# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|info|stateset|unknown)");

  /** One sample line. */
  public record Sample(String name, String labels, double value) {}

  private final Map<String, String> types = new LinkedHashMap<>();
  private final List<Sample> samples = new ArrayList<>();

  private PrometheusText() {}

  public static PrometheusText parse(String text) {
    PrometheusText parsed = new PrometheusText();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("# HELP ")) {
        continue;
      }
      Matcher type = TYPE.matcher(line);
      Matcher sample = SAMPLE.matcher(line);
      if (type.matches()) {
        parsed.types.put(type.group(1), type.group(2));
      } else if (sample.matches()) {
        String name = sample.group(1);
        if (parsed.family(name) == null) {
          throw new IllegalArgumentException("sample of an undeclared family: " + line);
        }
        parsed.samples.add(
            new Sample(
                name, sample.group(2) == null ? "" : sample.group(2), value(sample.group(3))));
      } else {
        throw new IllegalArgumentException("not Prometheus text format: " + line);
      }
    }
    return parsed;
  }

  /** Declared families by name and type. */
  public Map<String, String> types() {
    return types;
  }

  public List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  private String family(String sampleName) {
    for (String suffix : List.of("", "_total", "_bucket", "_sum", "_count", "_created", "_info")) {
      if (sampleName.endsWith(suffix)) {
        String base = sampleName.substring(0, sampleName.length() - suffix.length());
        if (types.containsKey(base)) {
          return base;
        }
      }
    }
    return null;
  }

  private static double value(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }
}
