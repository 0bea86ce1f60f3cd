package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.Html.escape;

/** The frame every page shares: head, stylesheet link and navigation. */
final class Layout {
  /** The pages in the navigation, by path and label. */
  enum Nav {
    OVERVIEW("/", "Overview"),
    CLUSTERS("/clusters", "Clusters"),
    PULL_REQUESTS("/pulls", "Pull requests"),
    EVENTS("/events", "Events"),
    BENCHMARKS("/benchmarks", "Benchmarks");

    final String path;
    final String label;

    Nav(String path, String label) {
      this.path = path;
      this.label = label;
    }
  }

  private Layout() {}

  /**
   * @param here the navigation entry to mark, or null
   * @param refreshSeconds how often the page reloads itself without JavaScript, or 0 for never;
   *     with JavaScript, a live page swaps its {@code <main>} when the event stream says a status
   *     changed (see {@link LiveScript})
   */
  static String page(String title, Nav here, int refreshSeconds, CharSequence body) {
    StringBuilder html = new StringBuilder(body.length() + 1024);
    html.append(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append(
            refreshSeconds > 0
                ? "<noscript><meta http-equiv=\"refresh\" content=\""
                    + refreshSeconds
                    + "\"></noscript>\n"
                : "")
        .append("<title>")
        .append(escape(title))
        .append(" · Meshplay GitOps</title>\n<link rel=\"stylesheet\" href=\"")
        .append(StyleSheet.PATH)
        .append("\">\n<script src=\"")
        .append(LiveScript.PATH)
        .append("\" defer></script></head><body>\n<h1>Meshplay GitOps</h1><nav>");
    for (Nav nav : Nav.values()) {
      html.append("<a href=\"")
          .append(nav.path)
          .append(nav == here ? "\" class=\"here\">" : "\">")
          .append(nav.label)
          .append("</a>");
    }
    html.append("<a href=\"/api/v1/status\">API</a><a href=\"/metrics\">Metrics</a></nav>\n");
    return html.append(refreshSeconds > 0 ? "<main data-live>" : "<main>")
        .append(body)
        .append("</main></body></html>\n")
        .toString();
  }

  static String badge(String state) {
    return "<span class=\"badge " + escape(state) + "\">" + escape(state) + "</span>";
  }
}
