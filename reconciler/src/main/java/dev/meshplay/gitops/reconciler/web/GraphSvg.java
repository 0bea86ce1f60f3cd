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
    int top = 0;
    for (DesignGraph.Edge e : graph.edges()) {
      top = Math.max(top, lift(placed, e) * 3 / 4 + 14);
    }
    StringBuilder svg = new StringBuilder(2048);
    svg.append("<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
        .append(" aria-label=\"relationship graph\" viewBox=\"0 0 ")
        .append(placed.width())
        .append(' ')
        .append(placed.height() + top)
        .append("\" width=\"")
        .append(placed.width())
        .append("\" height=\"")
        .append(placed.height() + top)
        .append("\"><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
        .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
        .append("<path class=\"arrowhead\" d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>")
        .append("<g transform=\"translate(0,")
        .append(top)
        .append(")\">");
    for (DesignGraph.Edge e : graph.edges()) {
      edge(svg, placed, e);
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
    return svg.append("</g></svg>").toString();
  }

  /**
   * One edge as a cubic curve from the side of one box to the side of the other. Neighbouring
   * columns get a flat S-curve; an edge that skips columns arcs over the boxes between, higher the
   * more it skips, so its label sits clear of the others.
   */
  private static void edge(StringBuilder svg, GraphLayout.Placed placed, DesignGraph.Edge e) {
    int w = GraphLayout.NODE_WIDTH;
    int h = GraphLayout.NODE_HEIGHT;
    GraphLayout.Position a = placed.positions().get(e.from());
    GraphLayout.Position b = placed.positions().get(e.to());
    boolean sameColumn = a.x() == b.x();
    boolean forward = a.x() < b.x();
    int x1 = sameColumn || forward ? a.x() + w : a.x();
    int x2 = sameColumn ? b.x() + w : forward ? b.x() : b.x() + w;
    int y1 = a.y() + h / 2;
    int y2 = b.y() + h / 2;
    int lift = lift(placed, e);
    int out = sameColumn ? 60 : forward ? 30 : -30;
    int in = sameColumn ? 60 : forward ? -30 : 30;
    String cls = e.declared() && !e.inferred() ? "edge declared" : "edge";
    int labelX = sameColumn ? x1 + 48 : (x1 + x2) / 2;
    int labelY = lift > 0 ? Math.min(y1, y2) - lift * 3 / 4 - 4 : (y1 + y2) / 2 - 4;
    svg.append("<g class=\"")
        .append(cls)
        .append("\"><title>")
        .append(escape(e.from() + " → " + e.to() + ": " + e.relationship() + source(e)))
        .append("</title><path d=\"M")
        .append(x1)
        .append(',')
        .append(y1)
        .append(" C")
        .append(x1 + out)
        .append(',')
        .append(y1 - lift)
        .append(' ')
        .append(x2 + in)
        .append(',')
        .append(y2 - lift)
        .append(' ')
        .append(x2)
        .append(',')
        .append(y2)
        .append("\" marker-end=\"url(#arrow)\"/><text x=\"")
        .append(labelX)
        .append("\" y=\"")
        .append(labelY)
        .append("\" text-anchor=\"middle\">")
        .append(escape(e.label()))
        .append("</text></g>");
  }

  /** How far an edge arcs up: not at all between neighbouring columns. */
  private static int lift(GraphLayout.Placed placed, DesignGraph.Edge e) {
    int a = placed.positions().get(e.from()).x();
    int b = placed.positions().get(e.to()).x();
    int span = Math.abs(a - b) / (GraphLayout.NODE_WIDTH + GraphLayout.COLUMN_GAP);
    return span < 2 ? 0 : 48 + 26 * (span - 2);
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
