package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.Html.escape;

import dev.meshplay.gitops.reconciler.status.ClusterStatus;
import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import java.util.List;

/** Every target cluster per source: reachable or not, commit applied, objects managed. */
final class ClustersPage {
  private ClustersPage() {}

  static String render(List<SourceStatus> sources) {
    StringBuilder html = new StringBuilder(2048);
    html.append(
        "<h2>Clusters</h2><table><tr><th>Cluster</th><th>Source</th><th>Reachable</th>"
            + "<th>Applied commit</th><th>Last sync</th><th class=\"num\">Designs synced</th>"
            + "<th class=\"num\">Objects</th></tr>");
    for (SourceStatus s : sources) {
      for (ClusterStatus c : s.clusters()) {
        html.append("<tr><td>")
            .append(escape(c.cluster()))
            .append("</td><td>")
            .append(escape(s.name()))
            .append("</td><td>")
            .append(reachability(c))
            .append("</td><td>")
            .append(StatusPage.commit(c.applied()))
            .append("</td><td>")
            .append(c.lastSync() == null ? "not yet" : escape(c.lastSync()))
            .append("</td><td class=\"num\">")
            .append(synced(c))
            .append(" / ")
            .append(c.designs().size())
            .append("</td><td class=\"num\">")
            .append(objects(c))
            .append("</td></tr>");
      }
    }
    html.append("</table>");
    return Layout.page("Clusters", Layout.Nav.CLUSTERS, 5, html);
  }

  static String reachability(ClusterStatus c) {
    if (c.lastSync() == null) {
      return "<span class=\"muted\">unknown</span>";
    }
    return c.error() == null
        ? "<span class=\"badge Synced\">reachable</span>"
        : "<span class=\"err\">" + escape(c.error()) + "</span>";
  }

  static long synced(ClusterStatus c) {
    return c.designs().stream().filter(d -> d.state() == DesignState.SYNCED).count();
  }

  static int objects(ClusterStatus c) {
    return c.designs().stream().map(DesignStatus::objects).mapToInt(List::size).sum();
  }
}
