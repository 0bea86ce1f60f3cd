package dev.meshplay.gitops.perf.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.HdrHistogram.Histogram;

/**
 * The calling thread's view of a run: swaps the lanes' interval histograms into running totals (the
 * Recorder pattern) and turns them into {@link Progress}.
 */
final class Tracker {

  private final List<Lane> lanes;
  private final long start;
  private final long measureStart;
  private final long end;
  private final Histogram responseTime = new Histogram(1, 3_600_000_000L, 3);
  private final Histogram serviceTime = new Histogram(1, 3_600_000_000L, 3);
  private final Histogram scratch = new Histogram(1, 3_600_000_000L, 3);
  // Response time of each collect() period (about a second): the blocks a block bootstrap
  // resamples, since requests close in time are not independent.
  private final List<Histogram> intervals = new java.util.ArrayList<>();
  private long lastCompleted;
  private long lastAt;

  Tracker(List<Lane> lanes, long start, long measureStart, long end) {
    this.lanes = lanes;
    this.start = start;
    this.measureStart = measureStart;
    this.end = end;
    this.lastAt = start;
  }

  void collect() {
    Histogram interval = new Histogram(1, 3_600_000_000L, 3);
    for (Lane lane : lanes) {
      lane.responseTime.getIntervalHistogramInto(scratch);
      responseTime.add(scratch);
      interval.add(scratch);
      lane.serviceTime.getIntervalHistogramInto(scratch);
      serviceTime.add(scratch);
    }
    if (interval.getTotalCount() > 0) {
      intervals.add(interval);
    }
  }

  /** The response-time histogram of each non-empty collection period, oldest first. */
  List<Histogram> intervals() {
    return List.copyOf(intervals);
  }

  Histogram responseTime() {
    return responseTime;
  }

  Histogram serviceTime() {
    return serviceTime;
  }

  /** The lanes' counters summed, each copied on its own event loop. */
  LaneTally.Snapshot tallies() throws InterruptedException {
    LaneTally.Snapshot total = LaneTally.Snapshot.EMPTY;
    for (Lane lane : lanes) {
      try {
        total = total.plus(lane.loop.submit(lane.tally::snapshot).get());
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    return total;
  }

  Progress progress(long now) throws InterruptedException {
    collect();
    LaneTally.Snapshot t = tallies();
    double seconds = Math.max(1e-9, (now - lastAt) / 1e9);
    double rate = (t.completed() - lastCompleted) / seconds;
    lastCompleted = t.completed();
    lastAt = now;
    Progress.Phase phase =
        now < measureStart
            ? Progress.Phase.WARMUP
            : now < end ? Progress.Phase.MEASURING : Progress.Phase.DRAINING;
    boolean any = responseTime.getTotalCount() > 0;
    return new Progress(
        Duration.ofNanos(now - start),
        phase,
        rate,
        any ? responseTime.getValueAtPercentile(50) / 1000.0 : 0,
        any ? responseTime.getValueAtPercentile(99) / 1000.0 : 0,
        t.measured(),
        t.errors().total());
  }
}
