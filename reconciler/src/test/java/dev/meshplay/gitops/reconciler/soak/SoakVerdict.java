package dev.meshplay.gitops.reconciler.soak;

import java.util.ArrayList;
import java.util.List;

/**
 * Flat or not: each bounded metric judged over the second half of the samples (the first half is
 * the warm-up).
 *
 * <p>Each metric is judged by its floor, the lowest sample within the trailing {@code window}: a
 * sample taken while a sync or a benchmark run is in progress counts that work's live objects,
 * threads and connections, which the next quiet moment no longer holds; a leak lifts the floor.
 */
public record SoakVerdict(List<MetricVerdict> metrics, double windowSeconds) {

  public static SoakVerdict judge(List<Sample> samples, List<Bound> bounds, double windowSeconds) {
    if (samples.size() < 4) {
      throw new IllegalArgumentException("a verdict needs four samples, got " + samples.size());
    }
    double middle = (samples.getFirst().seconds() + samples.getLast().seconds()) / 2;
    List<MetricVerdict> verdicts = new ArrayList<>();
    for (Bound bound : bounds) {
      double[] floors = floors(samples, bound.metric(), windowSeconds);
      List<Integer> settled = new ArrayList<>();
      double warmUpHigh = Double.NEGATIVE_INFINITY;
      double settledHigh = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < samples.size(); i++) {
        if (samples.get(i).seconds() < middle) {
          warmUpHigh = Math.max(warmUpHigh, floors[i]);
        } else {
          settledHigh = Math.max(settledHigh, floors[i]);
          settled.add(i);
        }
      }
      double[] x = settled.stream().mapToDouble(i -> samples.get(i).seconds()).toArray();
      double[] y = settled.stream().mapToDouble(i -> floors[i]).toArray();
      double highest =
          samples.stream()
              .mapToDouble(s -> bound.metric().inUnit(s.value(bound.metric())))
              .max()
              .orElseThrow();
      verdicts.add(new MetricVerdict(bound, Trend.fit(x, y), warmUpHigh, settledHigh, highest));
    }
    return new SoakVerdict(List.copyOf(verdicts), windowSeconds);
  }

  /** Per sample, the lowest value (in the metric's unit) within the window ending at it. */
  static double[] floors(List<Sample> samples, Metric metric, double windowSeconds) {
    double[] floors = new double[samples.size()];
    for (int i = 0; i < samples.size(); i++) {
      double end = samples.get(i).seconds();
      floors[i] =
          samples.stream()
              .filter(s -> s.seconds() <= end && s.seconds() >= end - windowSeconds)
              .mapToDouble(s -> metric.inUnit(s.value(metric)))
              .min()
              .orElseThrow();
    }
    return floors;
  }

  public boolean flat() {
    return metrics.stream().allMatch(MetricVerdict::flat);
  }

  public String describe() {
    StringBuilder text =
        new StringBuilder(
            "(each metric's floor: the lowest sample in the trailing %.0f s)%n"
                .formatted(windowSeconds));
    metrics.forEach(m -> text.append(m.describe()).append('\n'));
    return text.toString();
  }
}
