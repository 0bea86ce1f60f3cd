package dev.meshplay.gitops.perf.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A confidence interval for the relative change of a latency percentile between a baseline (runs,
 * each a list of interval histograms) and a candidate run. Requests close in time are not
 * independent, so whole intervals are resampled as blocks: the baseline in two levels (runs with
 * replacement, then each chosen run's intervals), the candidate's intervals once. The random
 * numbers are seeded from the data, so the same inputs give the same interval.
 */
public final class BlockBootstrap {

  /** One interval as sparse counts over the shared grid of recorded values. */
  private record Block(int[] cells, long[] counts) {}

  private final long[] grid;
  private final List<List<Block>> baseline = new ArrayList<>();
  private final List<Block> candidate;
  private final long seed;

  public BlockBootstrap(List<List<Histogram>> baselineRuns, List<Histogram> candidateIntervals) {
    TreeSet<Long> values = new TreeSet<>();
    baselineRuns.forEach(run -> run.forEach(h -> values.addAll(values(h))));
    candidateIntervals.forEach(h -> values.addAll(values(h)));
    grid = values.stream().mapToLong(Long::longValue).toArray();
    long hash = 17;
    for (List<Histogram> run : baselineRuns) {
      List<Block> blocks = run.stream().map(this::block).toList();
      baseline.add(blocks);
      hash = 31 * hash + hash(blocks);
    }
    candidate = candidateIntervals.stream().map(this::block).toList();
    seed = 31 * hash + hash(candidate);
  }

  /** The effect on percentile {@code q} (0..100): point estimate and percentile interval. */
  public Effect effect(String metric, double q, int resamples, double confidence) {
    long[] dense = new long[grid.length];
    double estimate = change(q, baseline.stream().flatMap(List::stream).toList(), candidate, dense);
    SplittableRandom random = new SplittableRandom(seed ^ Double.doubleToLongBits(q));
    double[] changes = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      List<Block> base = new ArrayList<>();
      for (int i = 0; i < baseline.size(); i++) {
        List<Block> run = baseline.get(random.nextInt(baseline.size()));
        for (int j = 0; j < run.size(); j++) {
          base.add(run.get(random.nextInt(run.size())));
        }
      }
      List<Block> cand = new ArrayList<>();
      for (int j = 0; j < candidate.size(); j++) {
        cand.add(candidate.get(random.nextInt(candidate.size())));
      }
      changes[r] = change(q, base, cand, dense);
    }
    Arrays.sort(changes);
    double tail = (1 - confidence) / 2;
    return new Effect(
        metric,
        estimate,
        changes[(int) Math.floor(tail * (resamples - 1))],
        changes[(int) Math.ceil((1 - tail) * (resamples - 1))],
        confidence);
  }

  private double change(double q, List<Block> base, List<Block> cand, long[] dense) {
    double b = quantile(q, base, dense);
    return b == 0 ? 0 : quantile(q, cand, dense) / b - 1;
  }

  private double quantile(double q, List<Block> blocks, long[] dense) {
    Arrays.fill(dense, 0);
    long total = 0;
    for (Block block : blocks) {
      for (int i = 0; i < block.cells().length; i++) {
        dense[block.cells()[i]] += block.counts()[i];
        total += block.counts()[i];
      }
    }
    long rank = Math.max(1, (long) Math.ceil(q / 100 * total));
    long seen = 0;
    for (int i = 0; i < dense.length; i++) {
      seen += dense[i];
      if (seen >= rank) {
        return grid[i];
      }
    }
    return grid.length == 0 ? 0 : grid[grid.length - 1];
  }

  private Block block(Histogram h) {
    List<long[]> pairs = new ArrayList<>();
    for (HistogramIterationValue v : h.recordedValues()) {
      pairs.add(new long[] {v.getValueIteratedTo(), v.getCountAddedInThisIterationStep()});
    }
    int[] cells = new int[pairs.size()];
    long[] counts = new long[pairs.size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = Arrays.binarySearch(grid, pairs.get(i)[0]);
      counts[i] = pairs.get(i)[1];
    }
    return new Block(cells, counts);
  }

  private static List<Long> values(Histogram h) {
    List<Long> out = new ArrayList<>();
    h.recordedValues().forEach(v -> out.add(v.getValueIteratedTo()));
    return out;
  }

  private long hash(List<Block> blocks) {
    long hash = 1;
    for (Block b : blocks) {
      for (int i = 0; i < b.cells().length; i++) {
        hash = 31 * (31 * hash + grid[b.cells()[i]]) + b.counts()[i];
      }
    }
    return hash;
  }
}
