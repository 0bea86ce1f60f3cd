package dev.meshplay.gitops.reconciler.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The samples as a TSV for spreadsheets and an SVG chart (one panel per metric) for the eye. */
public final class SampleFiles {
  private static final int WIDTH = 640;
  private static final int PANEL = 140;

  private SampleFiles() {}

  public static void write(List<Sample> samples, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("samples.tsv"), tsv(samples));
    Files.writeString(dir.resolve("samples.svg"), svg(samples));
  }

  static String tsv(List<Sample> samples) {
    StringBuilder out =
        new StringBuilder("seconds\theap_after_gc_bytes\trss_bytes\tthreads\tfds\tpacks\n");
    for (Sample s : samples) {
      out.append(
          String.format(
              Locale.ROOT,
              "%.1f\t%d\t%d\t%d\t%d\t%d%n",
              s.seconds(),
              s.heapAfterGc(),
              s.rss(),
              s.threads(),
              s.fds(),
              s.packs()));
    }
    return out.toString();
  }

  static String svg(List<Sample> samples) {
    Metric[] metrics = Metric.values();
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                    + " font-family=\"sans-serif\" font-size=\"12\">%n",
                WIDTH,
                PANEL * metrics.length));
    double end = Math.max(1, samples.getLast().seconds());
    for (int i = 0; i < metrics.length; i++) {
      Metric m = metrics[i];
      double max =
          samples.stream().mapToDouble(s -> m.inUnit(s.value(m))).max().orElse(1) * 1.1 + 1e-9;
      int top = i * PANEL + 20;
      int height = PANEL - 40;
      out.append(
          String.format(
              Locale.ROOT,
              "<text x=\"50\" y=\"%d\">%s (%s, 0 to %.1f; x: 0 to %.0f min)</text>%n",
              top - 5,
              m.label(),
              m.unit().isEmpty() ? "count" : m.unit(),
              max,
              end / 60));
      out.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"50\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
              top,
              WIDTH - 70,
              height));
      out.append("<polyline fill=\"none\" stroke=\"#1f6feb\" stroke-width=\"1.5\" points=\"");
      for (Sample s : samples) {
        out.append(
            String.format(
                Locale.ROOT,
                "%.1f,%.1f ",
                50 + s.seconds() / end * (WIDTH - 70),
                top + height - m.inUnit(s.value(m)) / max * height));
      }
      out.append("\"/>\n");
    }
    return out.append("</svg>\n").toString();
  }
}
