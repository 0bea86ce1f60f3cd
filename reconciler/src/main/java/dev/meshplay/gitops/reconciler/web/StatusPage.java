package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.Html.escape;

import dev.meshplay.gitops.reconciler.bench.BenchmarkResults;
import dev.meshplay.gitops.reconciler.status.ClusterStatus;
import dev.meshplay.gitops.reconciler.status.CommitInfo;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.ObjectStatus;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.render.Diagnostic;
import java.util.List;

/**
 * The overview page: sources with the commit applied, and every design with its objects. Plain
 * server-rendered HTML that refreshes itself; no script, so it works everywhere.
 */
final class StatusPage {
  private StatusPage() {}

  static String render(List<SourceStatus> sources) {
    return render(sources, new BenchmarkResults());
  }

  static String render(List<SourceStatus> sources, BenchmarkResults benchmarks) {
    StringBuilder html = new StringBuilder(4096);
    html.append(
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="refresh" content="2">
        <title>Meshplay GitOps</title>
        <style>
        body{font:15px/1.4 system-ui,sans-serif;margin:1.5rem auto;max-width:72rem;padding:0 1rem;color:#1d2330}
        h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}
        th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e3e6ec;vertical-align:top}
        code{font-size:.9em}.badge{padding:.1rem .5rem;border-radius:.7rem;font-size:.85em;font-weight:600}
        .Synced{background:#d8f3dc;color:#1b4332}.Failed{background:#ffd6d6;color:#7a1010}
        .Progressing,.Degraded,.Suspended{background:#fff3c4;color:#6b4e00}.err{color:#7a1010}
        .muted{color:#667}
        </style></head><body>
        <h1>Meshplay GitOps</h1>
        """);
    if (sources.isEmpty()) {
      html.append("<p class=\"muted\">No sources configured.</p>");
    }
    for (SourceStatus source : sources) {
      source(html, source);
    }
    BenchmarkSection.render(html, benchmarks);
    return html.append("</body></html>\n").toString();
  }

  private static void source(StringBuilder html, SourceStatus s) {
    html.append("<h2>Source ")
        .append(escape(s.name()))
        .append("</h2><table>")
        .append(
            row("Repository", "<code>" + escape(s.url()) + "</code> (" + escape(s.branch()) + ")"))
        .append(row("Applied commit", commit(s.applied())))
        .append(row("Newest commit", commit(s.head())))
        .append(row("Last sync", s.lastSync() == null ? "not yet" : escape(s.lastSync())));
    if (s.error() != null) {
      html.append(row("Error", "<span class=\"err\">" + escape(s.error()) + "</span>"));
    }
    html.append("</table>");
    boolean several = s.clusters().size() > 1;
    for (ClusterStatus cluster : s.clusters()) {
      html.append(several ? "<h3>" : "<p>")
          .append("Cluster <b>")
          .append(escape(cluster.cluster()))
          .append("</b>: applied ")
          .append(commit(cluster.applied()));
      if (cluster.error() != null) {
        html.append(" <span class=\"err\">").append(escape(cluster.error())).append("</span>");
      }
      html.append(several ? "</h3>" : "</p>");
      for (DesignStatus design : cluster.designs()) {
        design(html, design);
      }
    }
  }

  private static void design(StringBuilder html, DesignStatus d) {
    String state = d.state().label();
    html.append("<h3>")
        .append(escape(d.name()))
        .append(" <span class=\"badge ")
        .append(state)
        .append("\">")
        .append(state)
        .append("</span> <span class=\"muted\">")
        .append(escape(d.key()))
        .append("</span></h3>");
    if (d.message() != null) {
      html.append("<p class=\"err\">").append(escape(d.message())).append("</p>");
    }
    for (var finding : d.findings()) {
      html.append("<p class=\"")
          .append(finding.blocks() ? "err" : "muted")
          .append("\"><code>")
          .append(escape(finding))
          .append("</code></p>");
    }
    for (Diagnostic diagnostic : d.diagnostics()) {
      html.append("<p class=\"")
          .append(diagnostic.isError() ? "err" : "muted")
          .append("\"><code>")
          .append(escape(diagnostic))
          .append("</code></p>");
    }
    html.append(
        "<table><tr><th>Object</th><th>Health</th><th>Last action</th><th>Declared at</th></tr>");
    for (ObjectStatus o : d.objects()) {
      String action = o.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
      if (!o.drift().isEmpty()) {
        action += " (drift repaired: " + String.join(", ", o.drift()) + ")";
      }
      String health =
          o.health() == null
              ? ""
              : o.health().state().name().toLowerCase(java.util.Locale.ROOT)
                  + (o.health().message() == null ? "" : ": " + o.health().message());
      html.append("<tr><td><code>")
          .append(escape(o.ref()))
          .append("</code></td><td>")
          .append(escape(health))
          .append("</td><td>")
          .append(escape(action))
          .append(
              o.error() == null ? "" : "<br><span class=\"err\">" + escape(o.error()) + "</span>")
          .append("</td><td>")
          .append(escape(o.provenance()))
          .append("</td></tr>");
    }
    html.append("</table>");
  }

  private static String commit(CommitInfo c) {
    return c == null
        ? "none yet"
        : "<code>"
            + escape(c.shortId())
            + "</code> "
            + escape(c.message())
            + " <span "
            + "class=\"muted\">by "
            + escape(c.author())
            + "</span>";
  }

  private static String row(String label, String valueHtml) {
    return "<tr><th>" + label + "</th><td>" + valueHtml + "</td></tr>";
  }
}
