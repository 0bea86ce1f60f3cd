package dev.meshplay.gitops.perf.report;

import dev.meshplay.gitops.perf.history.ResultPaths;
import dev.meshplay.gitops.perf.history.SeriesLine;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@code results/README.md}: every profile with its latest run and verdict. */
public final class ResultsIndex {

  private ResultsIndex() {}

  /**
   * @param latest the latest series line of each profile, by its directory name
   */
  public static String render(Map<String, SeriesLine> latest) {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark results\n\n");
    md.append(
        "Written by Meshplay GitOps; do not edit. One directory per profile of `benchmarks/`");
    md.append(" with every run's result, `series.tsv` and `REPORT.md`.\n\n");
    md.append("| profile | latest run | p50 ms | p99 ms | req/s | verdict |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (var e : new TreeMap<>(latest).entrySet()) {
      SeriesLine l = e.getValue();
      String dir = new ResultPaths(e.getKey()).directory().substring(ResultPaths.ROOT.length() + 1);
      md.append(
          String.format(
              Locale.ROOT,
              "| [%s](%s/REPORT.md) | %s | %s | %s | %s | **%s** |\n",
              Xml.cell(e.getKey()),
              dir,
              l.time(),
              ReportMarkdown.figure(l.p50()),
              ReportMarkdown.figure(l.p99()),
              ReportMarkdown.figure(l.rps()),
              l.verdict().word()));
    }
    return md.toString();
  }
}
