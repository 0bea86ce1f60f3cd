package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.Html.escape;

import dev.meshplay.gitops.reconciler.events.Event;
import java.util.List;

/** {@code /events}: the recent events, newest first, with their time and what they concern. */
final class EventsPage {
  private EventsPage() {}

  static String render(List<Event> events, int capacity) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<h2>Recent events</h2><p class=\"muted\">Newest first; the last ")
        .append(capacity)
        .append(" are kept in memory.</p>");
    if (events.isEmpty()) {
      html.append("<p>Nothing has happened yet.</p>");
    } else {
      html.append("<table class=\"events\"><tr><th>Time (UTC)</th><th>Event</th><th>Source</th>")
          .append("<th>Cluster</th><th>Design</th><th>Message</th></tr>");
      for (Event e : events) {
        html.append("<tr><td class=\"nowrap\">")
            .append(escape(e.time()))
            .append("</td><td><span class=\"badge ")
            .append(e.kind().problem() ? "Failed" : "Synced")
            .append("\">")
            .append(escape(e.kind().label()))
            .append("</span></td><td>")
            .append(escape(e.source()))
            .append("</td><td>")
            .append(escape(e.cluster()))
            .append("</td><td>")
            .append(design(e))
            .append("</td><td>")
            .append(escape(SecretRedaction.text(e.message())))
            .append("</td></tr>");
      }
      html.append("</table>");
    }
    return Layout.page("Events", Layout.Nav.EVENTS, 5, html);
  }

  private static String design(Event e) {
    if (e.design() == null) {
      return "";
    }
    if (e.cluster() == null) {
      return "<code>" + escape(e.design()) + "</code>";
    }
    DesignRef ref = new DesignRef(e.source(), e.cluster(), e.design());
    return "<a href=\"" + ref.pageUrl() + "\"><code>" + escape(e.design()) + "</code></a>";
  }
}
