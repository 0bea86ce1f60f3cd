package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.Html.escape;

import dev.meshplay.gitops.reconciler.graph.DesignGraph;
import dev.meshplay.gitops.reconciler.graph.GraphLayout;
import dev.meshplay.gitops.render.ObjectRef;

/**
 * Draws a design graph as inline SVG. Colours and strokes come from the stylesheet's classes, so
 * nothing needs an inline style; every label is escaped, and long names are shortened with the full
 * reference in a {@code <title>} tooltip.
 */
final class GraphSvg {
  private static final int MAX_CHARS = 26;

  private GraphSvg() {}

  static String render(DesignGraph graph) {
    GraphLayout.Placed placed = GraphLayout.place(graph);
    if (placed.positions().isEmpty()) {
      return "<p class=\"muted\">No objects to draw.</p>";
    }
    int w = GraphLayout.NODE_WIDTH;
    int h = GraphLayout.NODE_HEIGHT;
    StringBuilder svg = new StringBuilder(2048);
    svg.append("<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
        .append(" aria-label=\"relationship graph\" viewBox=\"0 0 ")
        .append(placed.width())
        .append(' ')
        .append(placed.height())
        .append("\" width=\"")
        .append(placed.width())
        .append("\" height=\"")
        .append(placed.height())
        .append("\"><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
        .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
        .append("<path class=\"arrowhead\" d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>");
    for (DesignGraph.Edge e : graph.edges()) {
      GraphLayout.Position a = placed.positions().get(e.from());
      GraphLayout.Position b = placed.positions().get(e.to());
      boolean forward = a.x() <= b.x();
      int x1 = forward ? a.x() + w : a.x();
      int x2 = forward ? b.x() : b.x() + w;
      if (a.x() == b.x()) {
        x1 = a.x() + w;
        x2 = b.x() + w;
      }
      int y1 = a.y() + h / 2;
      int y2 = b.y() + h / 2;
      int bend = a.x() == b.x() ? 40 : 0;
      String cls = e.declared() && !e.inferred() ? "edge declared" : "edge";
      svg.append("<g class=\"")
          .append(cls)
          .append("\"><title>")
          .append(escape(e.from() + " → " + e.to() + ": " + e.relationship() + source(e)))
          .append("</title><path d=\"M")
          .append(x1)
          .append(',')
          .append(y1)
          .append(" C")
          .append(x1 + 30 + bend)
          .append(',')
          .append(y1)
          .append(' ')
          .append(x2 - (a.x() == b.x() ? -30 - bend : 30))
          .append(',')
          .append(y2)
          .append(' ')
          .append(x2)
          .append(',')
          .append(y2)
          .append("\" marker-end=\"url(#arrow)\"/><text x=\"")
          .append((x1 + x2) / 2 + bend)
          .append("\" y=\"")
          .append((y1 + y2) / 2 - 4)
          .append("\" text-anchor=\"middle\">")
          .append(escape(e.label()))
          .append("</text></g>");
    }
    placed
        .positions()
        .forEach(
            (ref, p) ->
                svg.append("<g class=\"node\"><title>")
                    .append(escape(ref))
                    .append("</title><rect x=\"")
                    .append(p.x())
                    .append("\" y=\"")
                    .append(p.y())
                    .append("\" width=\"")
                    .append(w)
                    .append("\" height=\"")
                    .append(h)
                    .append("\" rx=\"6\"/><text class=\"kind\" x=\"")
                    .append(p.x() + 8)
                    .append("\" y=\"")
                    .append(p.y() + 17)
                    .append("\">")
                    .append(escape(shorten(ref.kind())))
                    .append("</text><text x=\"")
                    .append(p.x() + 8)
                    .append("\" y=\"")
                    .append(p.y() + 35)
                    .append("\">")
                    .append(escape(shorten(name(ref))))
                    .append("</text></g>"));
    return svg.append("</svg>").toString();
  }

  private static String source(DesignGraph.Edge e) {
    String how =
        e.inferred() && e.declared()
            ? "declared and inferred"
            : e.inferred() ? "inferred" : "declared";
    return " (" + how + (e.via() == null ? "" : ", via " + e.via()) + ")";
  }

  private static String name(ObjectRef ref) {
    return ref.namespace() == null ? ref.name() : ref.namespace() + "/" + ref.name();
  }

  static String shorten(String text) {
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1) + "…";
  }
}
