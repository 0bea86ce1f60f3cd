package dev.meshplay.gitops.reconciler.bench;

import dev.meshplay.gitops.git.CommitFiles;
import dev.meshplay.gitops.perf.history.ResultPaths;
import dev.meshplay.gitops.perf.history.SeriesFile;
import dev.meshplay.gitops.perf.history.SeriesLine;
import dev.meshplay.gitops.perf.regression.Baseline;
import dev.meshplay.gitops.perf.regression.Verdict;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import dev.meshplay.gitops.perf.result.ResultFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the daemon holds of one profile's committed history: the series text and the results of the
 * recent runs (enough for a baseline), read once from the repository and then kept up to date in
 * memory as runs are added.
 */
final class ProfileHistory {
  private static final Logger LOG = LoggerFactory.getLogger(ProfileHistory.class);

  /** How many recent results are kept for rolling baselines. */
  static final int KEPT_RESULTS = 100;

  String series;
  final List<Baseline.Candidate<BenchmarkResult>> earlier = new ArrayList<>();
  Optional<SeriesLine> latest = Optional.empty();

  private ProfileHistory(String series) {
    this.series = series;
  }

  static ProfileHistory empty() {
    return new ProfileHistory("");
  }

  /**
   * Reads a profile's series and its most recent results from a commit; a file that does not read
   * is logged by name and left out, and its run does not count in baselines.
   *
   * @param pinned a pinned baseline's path, read even when it is older than the kept results
   */
  static ProfileHistory read(CommitFiles files, ResultPaths paths, Optional<String> pinned) {
    Optional<String> text = text(files, paths.series());
    if (text.isEmpty()) {
      return empty();
    }
    ProfileHistory history = new ProfileHistory(text.get());
    List<SeriesLine> lines;
    try {
      lines = SeriesFile.read(paths.series(), text.get());
    } catch (IllegalArgumentException e) {
      LOG.warn("{}; the series starts again after it", e.getMessage());
      return history;
    }
    history.latest = lines.isEmpty() ? Optional.empty() : Optional.of(lines.getLast());
    for (int i = 0; i < lines.size(); i++) {
      SeriesLine line = lines.get(i);
      String path = paths.result(line.result());
      boolean wanted = i >= lines.size() - KEPT_RESULTS || pinned.equals(Optional.of(path));
      if (!wanted) {
        continue;
      }
      text(files, path)
          .flatMap(yaml -> parse(path, yaml))
          .ifPresent(r -> history.earlier.add(new Baseline.Candidate<>(path, accepted(line), r)));
    }
    return history;
  }

  void add(String seriesText, SeriesLine line, String path, Verdict verdict, BenchmarkResult run) {
    series = seriesText;
    latest = Optional.of(line);
    earlier.add(new Baseline.Candidate<>(path, verdict.accepted(), run));
    while (earlier.size() > KEPT_RESULTS) {
      earlier.removeFirst();
    }
  }

  private static boolean accepted(SeriesLine line) {
    return Verdict.of(line.verdict(), "").accepted();
  }

  private static Optional<BenchmarkResult> parse(String path, String yaml) {
    try {
      return Optional.of(ResultFormat.YAML.read(yaml));
    } catch (RuntimeException e) {
      LOG.warn("{}: not a benchmark result, left out of baselines: {}", path, e.getMessage());
      return Optional.empty();
    }
  }

  private static Optional<String> text(CommitFiles files, String path) {
    try {
      return Optional.of(new String(files.read(path), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
