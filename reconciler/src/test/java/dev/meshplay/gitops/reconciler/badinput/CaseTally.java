package dev.meshplay.gitops.reconciler.badinput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cases tried, survived and lost data, per category: the figures of docs/reliability.md, written to
 * {@code target/reliability/<layer>.md} after a run.
 */
public final class CaseTally {
  private final Map<String, int[]> byCategory = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private final List<String> known = new ArrayList<>();

  /**
   * Records one case; {@code problem} is null when it survived. A known failure that still fails
   * counts as tried, not survived, and is listed; one that now survives is a failure of the corpus
   * (its {@code # known:} line must go).
   */
  public synchronized void record(BadInputCase c, String problem, boolean lostData) {
    int[] counts = byCategory.computeIfAbsent(c.category(), k -> new int[3]);
    counts[0]++;
    if (c.known() != null) {
      if (problem == null) {
        failures.add(c.id() + ": survives now: remove its '# known:' line");
      } else {
        known.add(c.id() + ": " + c.known());
      }
    } else if (problem == null) {
      counts[1]++;
    } else {
      failures.add(c.id() + ": " + problem);
    }
    if (lostData) {
      counts[2]++;
    }
  }

  /**
   * True when the case counts as passing the harness (survived, or a known failure still failing).
   */
  public static boolean passes(BadInputCase c, String problem) {
    return (problem == null) == (c.known() == null);
  }

  public synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  /** A Markdown table: category, tried, survived, lost data. */
  public synchronized String table() {
    StringBuilder out = new StringBuilder("| category | tried | survived | lost data |\n");
    out.append("|---|---:|---:|---:|\n");
    int[] total = new int[3];
    byCategory.forEach(
        (category, c) -> {
          out.append("| %s | %d | %d | %d |\n".formatted(category, c[0], c[1], c[2]));
          for (int i = 0; i < 3; i++) {
            total[i] += c[i];
          }
        });
    out.append("| **total** | %d | %d | %d |\n".formatted(total[0], total[1], total[2]));
    known.forEach(k -> out.append("\nknown failure: ").append(k));
    failures.forEach(f -> out.append("\nfailed: ").append(f));
    return out.toString();
  }

  /** Writes the table under {@code target/reliability/}. */
  public void write(String layer) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "reliability"));
      Files.writeString(dir.resolve(layer + ".md"), table() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
