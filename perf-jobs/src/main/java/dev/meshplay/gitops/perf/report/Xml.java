package dev.meshplay.gitops.perf.report;

/** Escaping for text placed in SVG (XML) and Markdown tables. */
final class Xml {

  private Xml() {}

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** A table cell: pipes and newlines would break the Markdown row. */
  static String cell(String text) {
    return escape(text).replace("|", "\\|").replace("\n", " ");
  }
}
