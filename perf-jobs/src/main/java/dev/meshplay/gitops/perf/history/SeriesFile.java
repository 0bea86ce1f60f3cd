package dev.meshplay.gitops.perf.history;

import dev.meshplay.gitops.perf.regression.Verdict;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The append-only series of a profile, {@code results/<profile>/series.tsv}: a header line, then
 * one tab-separated line per run, oldest first, so the page and reports read a profile's history
 * without opening every result.
 */
public final class SeriesFile {

  public static final String HEADER =
      "# time\tcommit\tp50_ms\tp90_ms\tp99_ms\tp99.9_ms\trps\terror_rate\tverdict\tkey\tresult";

  private SeriesFile() {}

  /**
   * Reads a series file.
   *
   * @param file the path, for messages
   * @throws IllegalArgumentException naming the file and line of a malformed line
   */
  public static List<SeriesLine> read(String file, String text) {
    List<SeriesLine> lines = new ArrayList<>();
    String[] rows = text.split("\n");
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i].strip();
      if (row.isEmpty() || row.startsWith("#")) {
        continue;
      }
      String[] f = row.split("\t");
      if (f.length != 11) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": expected 11 tab-separated fields, found " + f.length);
      }
      try {
        lines.add(
            new SeriesLine(
                Instant.parse(f[0]),
                f[1],
                number(f[2]),
                number(f[3]),
                number(f[4]),
                number(f[5]),
                number(f[6]),
                number(f[7]),
                Verdict.Kind.of(f[8]),
                f[9],
                f[10]));
      } catch (DateTimeParseException | IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return lines;
  }

  /** The line for one run, with its newline. */
  public static String line(SeriesLine s) {
    return String.join(
            "\t",
            s.time().toString(),
            s.commit(),
            format(s.p50()),
            format(s.p90()),
            format(s.p99()),
            format(s.p999()),
            format(s.rps()),
            String.format(Locale.ROOT, "%.6f", s.errorRate()),
            s.verdict().word(),
            s.key(),
            s.result())
        + "\n";
  }

  /** {@code existing} (possibly empty) with {@code next} appended; the header is added once. */
  public static String append(String existing, SeriesLine next) {
    String start = existing.isEmpty() ? HEADER + "\n" : existing;
    return (start.endsWith("\n") ? start : start + "\n") + line(next);
  }

  private static String format(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static double number(String text) {
    return text.equals("-") ? Double.NaN : Double.parseDouble(text);
  }
}
