package dev.meshplay.gitops.perf.history;

import dev.meshplay.gitops.perf.regression.ChangePoint;
import dev.meshplay.gitops.perf.regression.ChangePointSettings;
import dev.meshplay.gitops.perf.regression.EDivisive;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The change points of a whole series, found again every time a run is added: p50, p99 and
 * throughput, over the measured runs that compare with the latest one (same profile hash and
 * environment class). The same series always gives the same shifts.
 */
public final class SeriesShifts {

  private SeriesShifts() {}

  public static List<Shift> of(List<SeriesLine> series, ChangePointSettings settings) {
    if (series.isEmpty()) {
      return List.of();
    }
    String key = series.get(series.size() - 1).key();
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      SeriesLine line = series.get(i);
      if (line.measured() && line.key().equals(key)) {
        indices.add(i);
      }
    }
    EDivisive search = new EDivisive(settings);
    List<Shift> shifts = new ArrayList<>();
    shifts.addAll(metric("p50", SeriesLine::p50, series, indices, search));
    shifts.addAll(metric("p99", SeriesLine::p99, series, indices, search));
    shifts.addAll(metric("rps", SeriesLine::rps, series, indices, search));
    shifts.sort(Comparator.comparingInt(Shift::index).thenComparing(Shift::metric));
    return shifts;
  }

  private static List<Shift> metric(
      String name,
      ToDoubleFunction<SeriesLine> figure,
      List<SeriesLine> series,
      List<Integer> indices,
      EDivisive search) {
    double[] values =
        indices.stream().mapToDouble(i -> figure.applyAsDouble(series.get(i))).toArray();
    for (double v : values) {
      if (Double.isNaN(v)) {
        return List.of();
      }
    }
    List<Shift> out = new ArrayList<>();
    for (ChangePoint cp : search.changePoints(values)) {
      int index = indices.get(cp.index());
      out.add(new Shift(name, index, series.get(index), cp.before(), cp.after(), cp.pValue()));
    }
    return out;
  }
}
