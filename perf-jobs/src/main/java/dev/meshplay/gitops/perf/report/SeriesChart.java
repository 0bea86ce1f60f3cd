package dev.meshplay.gitops.perf.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as a standalone SVG document, so it renders on any Git host and on the status page
 * (no script, styles as attributes of the SVG elements, not HTML). Lines share one y axis from 0;
 * change points are dashed vertical lines, thresholds dashed horizontal ones.
 */
public final class SeriesChart {

  /** One line: a name for the legend, its colour and its values (NaN leaves a gap). */
  public record Line(String name, String colour, double[] values) {}

  /** A horizontal limit such as a threshold. */
  public record Limit(String label, double value) {}

  private static final int WIDTH = 720;
  private static final int HEIGHT = 260;
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 28;
  private static final int BOTTOM = 28;

  private SeriesChart() {}

  /**
   * @param title the chart's title and accessible name
   * @param unit the y axis' unit
   * @param runs how many points each line has
   * @param changes indices of change points
   */
  public static String svg(
      String title,
      String unit,
      int runs,
      List<Line> lines,
      List<Integer> changes,
      List<Limit> limits) {
    double max = 0;
    for (Line line : lines) {
      for (double v : line.values()) {
        if (!Double.isNaN(v)) {
          max = Math.max(max, v);
        }
      }
    }
    // A limit far above the data would flatten it: such limits are named, not drawn.
    double data = max;
    for (Limit limit : limits) {
      if (data <= 0 || limit.value() <= 2 * data) {
        max = Math.max(max, limit.value());
      }
    }
    double top = max <= 0 ? 1 : max * 1.1;
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\" font-size=\"11\">\n",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT,
            Xml.escape(title)));
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    s.append(text(LEFT, 16, title, "start", "#222222"));
    for (int i = 0; i <= 4; i++) {
      double v = top * i / 4;
      double y = y(v, top);
      s.append(line(LEFT, y, WIDTH - RIGHT, y, "#e5e5e5", false));
      s.append(text(LEFT - 4, y + 4, number(v) + " " + unit, "end", "#555555"));
    }
    int above = 0;
    for (Limit limit : limits) {
      if (limit.value() > top) {
        s.append(
            text(
                WIDTH - RIGHT,
                TOP + 10 + 12 * above++,
                limit.label() + " (above)",
                "end",
                "#d62728"));
        continue;
      }
      double y = y(limit.value(), top);
      s.append(line(LEFT, y, WIDTH - RIGHT, y, "#d62728", true));
      s.append(text(WIDTH - RIGHT, y - 3, limit.label(), "end", "#d62728"));
    }
    for (int change : changes) {
      double x = x(change, runs);
      s.append(line(x, TOP, x, HEIGHT - BOTTOM, "#9467bd", true));
      s.append(text(x + 3, TOP + 10, "change", "start", "#9467bd"));
    }
    int legend = LEFT + 200;
    for (Line l : lines) {
      s.append(polyline(l, runs, top));
      s.append(text(legend, 16, "\u25a0 " + l.name(), "start", l.colour()));
      legend += 90;
    }
    s.append(text(LEFT, HEIGHT - 8, "run 1", "start", "#555555"));
    s.append(text(WIDTH - RIGHT, HEIGHT - 8, "run " + runs, "end", "#555555"));
    s.append("</svg>\n");
    return s.toString();
  }

  private static String polyline(Line l, int runs, double top) {
    List<String> points = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < l.values().length; i++) {
      double v = l.values()[i];
      if (Double.isNaN(v)) {
        continue;
      }
      points.add(String.format(Locale.ROOT, "%.1f,%.1f", x(i, runs), y(v, top)));
      out.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>\n",
              x(i, runs),
              y(v, top),
              l.colour()));
    }
    return String.format(
            "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>\n",
            l.colour(), String.join(" ", points))
        + out;
  }

  private static double x(int index, int runs) {
    double span = WIDTH - LEFT - RIGHT;
    return runs <= 1 ? LEFT + span / 2 : LEFT + span * index / (runs - 1);
  }

  private static double y(double value, double top) {
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top);
  }

  private static String line(
      double x1, double y1, double x2, double y2, String colour, boolean dashed) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>\n",
        x1,
        y1,
        x2,
        y2,
        colour,
        dashed ? " stroke-dasharray=\"4 3\"" : "");
  }

  private static String text(double x, double y, String text, String anchor, String colour) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\">%s</text>\n",
        x,
        y,
        anchor,
        colour,
        Xml.escape(text));
  }

  private static String number(double v) {
    return v >= 100 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.3g", v);
  }
}
