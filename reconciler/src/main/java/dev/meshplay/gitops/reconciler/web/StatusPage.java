package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.Html.escape;

import dev.meshplay.gitops.reconciler.status.ClusterStatus;
import dev.meshplay.gitops.reconciler.status.CommitInfo;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.ObjectStatus;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.render.Diagnostic;
import java.util.List;

/**
 * The overview page: per source the commits and last sync, then one row per design and cluster with
 * its badge and counts, linking to the design page. Reloads itself; no script.
 */
final class StatusPage {
  private StatusPage() {}

  static String render(List<SourceStatus> sources) {
    StringBuilder html = new StringBuilder(4096);
    if (sources.isEmpty()) {
      html.append("<p class=\"muted\">No sources configured.</p>");
    }
    for (SourceStatus source : sources) {
      source(html, source);
    }
    return Layout.page("Overview", Layout.Nav.OVERVIEW, 2, html);
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
    for (ClusterStatus c : s.clusters()) {
      if (c.error() != null) {
        html.append("<p class=\"err\">Cluster ")
            .append(escape(c.cluster()))
            .append(": ")
            .append(escape(c.error()))
            .append("</p>");
      }
    }
    html.append(
        "<table><tr><th>Design</th><th>Cluster</th><th>Status</th><th class=\"num\">Objects</th>"
            + "<th class=\"num\">Drift</th><th class=\"num\">Findings</th>"
            + "<th class=\"wide\">Path</th></tr>");
    for (ClusterStatus c : s.clusters()) {
      for (DesignStatus d : c.designs()) {
        html.append("<tr><td><a href=\"")
            .append(DesignRef.of(s, c, d).pageUrl())
            .append("\">")
            .append(escape(d.name()))
            .append("</a></td><td>")
            .append(escape(c.cluster()))
            .append("</td><td>")
            .append(Layout.badge(d.state().label()))
            .append(problems(d))
            .append("</td><td class=\"num\">")
            .append(d.objects().size())
            .append("</td><td class=\"num\">")
            .append(driftCount(d))
            .append(repaired(d))
            .append("</td><td class=\"num\">")
            .append(d.findings().size())
            .append("</td><td class=\"wide muted\">")
            .append(escape(d.key()))
            .append("</td></tr>");
      }
    }
    html.append("</table>");
  }

  // Why a design is not Synced belongs on the overview: it is what an operator looks for first.
  private static String problems(DesignStatus d) {
    StringBuilder out = new StringBuilder();
    if (d.message() != null) {
      out.append("<br><span class=\"err\">")
          .append(escape(SecretRedaction.message(d)))
          .append("</span>");
    }
    d.diagnostics().stream()
        .filter(Diagnostic::isError)
        .forEach(g -> out.append("<br><code class=\"err\">").append(escape(g)).append("</code>"));
    return out.toString();
  }

  private static String repaired(DesignStatus d) {
    List<String> paths =
        d.objects().stream().flatMap(o -> o.drift().stream()).distinct().sorted().toList();
    return paths.isEmpty()
        ? ""
        : "<br><span class=\"muted\">drift repaired: "
            + escape(String.join(", ", paths))
            + "</span>";
  }

  static long driftCount(DesignStatus d) {
    return d.objects().stream().filter(StatusPage::drifted).count();
  }

  static boolean drifted(ObjectStatus o) {
    return !o.drift().isEmpty() || o.action() == dev.meshplay.gitops.reconciler.plan.Action.DRIFTED;
  }

  static String commit(CommitInfo c) {
    return c == null
        ? "none yet"
        : "<code>"
            + escape(c.shortId())
            + "</code> "
            + escape(c.message())
            + " <span class=\"muted\">by "
            + escape(c.author())
            + "</span>";
  }

  static String row(String label, String valueHtml) {
    return "<tr><th>" + label + "</th><td>" + valueHtml + "</td></tr>";
  }
}
