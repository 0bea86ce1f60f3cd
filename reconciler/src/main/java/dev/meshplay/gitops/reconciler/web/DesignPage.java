package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.Html.escape;

import dev.meshplay.gitops.policies.Finding;
import dev.meshplay.gitops.reconciler.graph.DesignGraph;
import dev.meshplay.gitops.reconciler.manifest.DesignManifest;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.ObjectStatus;
import dev.meshplay.gitops.render.Diagnostic;
import java.util.Locale;
import java.util.Optional;

/**
 * One design in one cluster: its objects with action, health and drift (each linking to its YAML as
 * applied, Secret values redacted), its relationship graph, and its findings and diagnostics with
 * file:line.
 */
final class DesignPage {
  private DesignPage() {}

  static String render(DesignRef.Found found) {
    return render(found, Optional.empty());
  }

  /** With the manifest of the last pass: object YAML links and the graph. */
  static String render(DesignRef.Found found, Optional<DesignManifest> manifest) {
    DesignStatus d = found.design();
    DesignRef ref = DesignRef.of(found.source(), found.cluster(), d);
    StringBuilder html = new StringBuilder(4096);
    html.append("<h2>")
        .append(escape(d.name()))
        .append(" ")
        .append(Layout.badge(d.state().label()))
        .append("</h2><table>")
        .append(StatusPage.row("Path", "<code>" + escape(d.key()) + "</code>"))
        .append(StatusPage.row("Source", escape(found.source().name())))
        .append(StatusPage.row("Cluster", escape(found.cluster().cluster())))
        .append(StatusPage.row("Applied commit", StatusPage.commit(found.cluster().applied())))
        .append(
            StatusPage.row(
                "Last sync",
                found.cluster().lastSync() == null
                    ? "not yet"
                    : escape(found.cluster().lastSync())))
        .append(StatusPage.row("Relationships", String.valueOf(d.relationships())))
        .append("</table>");
    if (d.message() != null) {
      html.append("<p class=\"err\">").append(escape(SecretRedaction.message(d))).append("</p>");
    }
    if (!d.findings().isEmpty() || !d.diagnostics().isEmpty()) {
      html.append("<h2>Findings</h2><table><tr><th>Where</th><th>Severity</th><th>Rule</th>")
          .append("<th>Message</th></tr>");
      for (Finding f : d.findings()) {
        html.append("<tr class=\"")
            .append(f.blocks() ? "err" : "")
            .append("\"><td><code>")
            .append(escape(f.location() == null ? f.object() : f.location()))
            .append("</code></td><td>")
            .append(escape(lower(f.severity().name())))
            .append("</td><td>")
            .append(escape(f.ruleId()))
            .append("</td><td>")
            .append(escape(f.message()))
            .append(
                f.disabledBecause() == null
                    ? ""
                    : " (disabled: " + escape(f.disabledBecause()) + ")")
            .append("</td></tr>");
      }
      for (Diagnostic g : d.diagnostics()) {
        html.append("<tr class=\"")
            .append(g.isError() ? "err" : "")
            .append("\"><td><code>")
            .append(escape(g.file() + ":" + g.line() + ":" + g.column()))
            .append("</code></td><td>")
            .append(escape(g.severity().word()))
            .append("</td><td>render</td><td>")
            .append(escape(g.message()))
            .append("</td></tr>");
      }
      html.append("</table>");
    }
    html.append("<h2>Objects</h2><table><tr><th>Object</th><th>Health</th><th>Last action</th>")
        .append("<th>Drift</th><th class=\"wide\">Declared at</th></tr>");
    for (ObjectStatus o : d.objects()) {
      boolean applied = manifest.flatMap(m -> m.object(o.ref())).isPresent();
      html.append("<tr><td>")
          .append(applied ? "<a href=\"" + ObjectPage.url(ref, o.ref()) + "\">" : "")
          .append("<code>")
          .append(escape(o.ref()))
          .append("</code>")
          .append(applied ? "</a>" : "")
          .append("</td><td>")
          .append(o.health() == null ? "" : Layout.badge(o.health().state().name()))
          .append(
              o.health() == null || o.health().message() == null
                  ? ""
                  : " " + escape(o.health().message()))
          .append("</td><td>")
          .append(escape(lower(o.action().name()).replace('_', ' ')))
          .append(
              o.error() == null
                  ? ""
                  : "<br><span class=\"err\">" + escape(SecretRedaction.error(o)) + "</span>")
          .append(
              o.adopted() == null
                  ? ""
                  : "<br><span class=\"muted\">" + escape(o.adopted()) + "</span>")
          .append("</td><td>")
          .append(escape(String.join(", ", o.drift())))
          .append("</td><td class=\"wide\">")
          .append(escape(o.provenance()))
          .append("</td></tr>");
    }
    html.append("</table><h2>Relationships</h2>");
    if (manifest.isPresent()) {
      html.append("<div class=\"graph-box\">")
          .append(GraphSvg.render(DesignGraph.of(manifest.get())))
          .append("</div><p class=\"muted\">Solid: inferred from the objects; dashed: declared")
          .append(" in the design only. Hover an edge for the field that makes it.</p>");
    } else {
      html.append("<p class=\"muted\">Not applied in the last pass: no objects to draw.</p>");
    }
    return Layout.page(d.name(), null, 2, html);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
