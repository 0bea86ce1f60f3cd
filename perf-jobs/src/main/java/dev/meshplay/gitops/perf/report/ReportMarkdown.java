package dev.meshplay.gitops.perf.report;

import dev.meshplay.gitops.perf.history.ResultPaths;
import dev.meshplay.gitops.perf.history.SeriesLine;
import dev.meshplay.gitops.perf.history.Shift;
import dev.meshplay.gitops.perf.regression.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A profile's {@code REPORT.md}: the latest verdict, the change points with links to their design
 * commits, the charts beside it, and the recent runs.
 *
 * @param commitBase a URL that a commit id appended to opens on the Git host, or empty when the
 *     source has no web view we know of
 */
public record ReportMarkdown(Optional<String> commitBase) {

  static final int RECENT = 20;

  public String render(
      String name,
      String source,
      ResultPaths paths,
      List<SeriesLine> series,
      Verdict latest,
      List<Shift> shifts,
      boolean canary) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(name).append("\n\n");
    md.append("Written by Meshplay GitOps after every scheduled run of `")
        .append(source)
        .append("`; do not edit. How to read it: the project's docs/regression.md.\n\n");
    if (canary) {
      md.append(
          "This profile is a **canary**: its target does not change with the designs. When it"
              + " shifts at the same time as another profile of this source, that profile's"
              + " `regressed` or `improved` becomes `inconclusive` (environment drift).\n\n");
    }
    if (!series.isEmpty()) {
      SeriesLine last = series.get(series.size() - 1);
      md.append("## Latest run: **")
          .append(latest.kind().word())
          .append("**\n\n")
          .append(Xml.cell(latest.reason()))
          .append("\n\n")
          .append(
              String.format(
                  Locale.ROOT,
                  "Run of %s on design commit %s: p50 %s ms, p99 %s ms, %s req/s, errors %.2f%%"
                      + " ([result](%s)).\n\n",
                  last.time(),
                  commit(last.commit()),
                  figure(last.p50()),
                  figure(last.p99()),
                  figure(last.rps()),
                  last.errorRate() * 100,
                  last.result()));
    }
    md.append("## Change points\n\n");
    if (shifts.isEmpty()) {
      md.append("None found in the series.\n\n");
    } else {
      md.append(
          "| metric | first run after the shift | design commit | before | after | change | p |\n");
      md.append("|---|---|---|---|---|---|---|\n");
      for (Shift s : shifts) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s%.1f%% | %.1e |\n",
                s.metric(),
                s.first().time(),
                commit(s.first().commit()),
                figure(s.before()),
                figure(s.after()),
                s.change() >= 0 ? "+" : "",
                s.change() * 100,
                s.pValue()));
      }
      md.append('\n');
    }
    md.append("## Charts\n\n");
    md.append("![p50 and p99 over time](").append(file(paths.latencyChart())).append(")\n\n");
    md.append("![throughput over time](").append(file(paths.throughputChart())).append(")\n\n");
    md.append("## Recent runs\n\n");
    md.append(
        "| time | commit | p50 ms | p90 ms | p99 ms | p99.9 ms | req/s | errors | verdict |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (int i = series.size() - 1; i >= Math.max(0, series.size() - RECENT); i--) {
      SeriesLine l = series.get(i);
      md.append(
          String.format(
              Locale.ROOT,
              "| [%s](%s) | %s | %s | %s | %s | %s | %s | %.2f%% | %s |\n",
              l.time(),
              l.result(),
              commit(l.commit()),
              figure(l.p50()),
              figure(l.p90()),
              figure(l.p99()),
              figure(l.p999()),
              figure(l.rps()),
              l.errorRate() * 100,
              l.verdict().word()));
    }
    md.append("\nThe whole history: [series.tsv](series.tsv).\n");
    return md.toString();
  }

  private String commit(String id) {
    String shortId = id.length() > 7 ? id.substring(0, 7) : id;
    return commitBase
        .map(base -> "[`" + shortId + "`](" + base + id + ")")
        .orElse("`" + shortId + "`");
  }

  private static String file(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  static String figure(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
  }
}
