package dev.meshplay.gitops.perf.load;

import java.time.Duration;
import java.util.Locale;

/**
 * Whether an open-loop run delivered the load it promised. A slot is one scheduled request; it is
 * late when sent more than the tolerance after its intended time, missed when the run ended before
 * it could be sent. The run is invalid when late plus missed slots exceed the allowed fraction: its
 * latencies are still honest (they count from the intended time), but the rate was not held.
 *
 * @param slots scheduled requests of the measured period
 * @param lateSlots slots sent late
 * @param waitedForConnection of the late slots, those that found every connection busy
 * @param missedSlots slots never sent
 * @param blocked approximate time during which at least one slot was overdue
 * @param reason why the run is invalid; empty when valid
 */
public record ScheduleHealth(
    long slots,
    long lateSlots,
    long waitedForConnection,
    long missedSlots,
    Duration blocked,
    boolean valid,
    String reason) {

  /** A closed loop has no schedule to fall behind. */
  public static final ScheduleHealth UNSCHEDULED =
      new ScheduleHealth(0, 0, 0, 0, Duration.ZERO, true, "");

  /** Late and missed slots as a fraction of all slots. */
  public double lateFraction() {
    return slots == 0 ? 0 : (double) (lateSlots + missedSlots) / slots;
  }

  /** Judges the counts against {@code maxLateFraction}. */
  public static ScheduleHealth judge(
      long slots,
      long late,
      long waited,
      long missed,
      Duration blocked,
      double maxLateFraction,
      int connections,
      double qps) {
    double fraction = slots == 0 ? 0 : (double) (late + missed) / slots;
    if (fraction <= maxLateFraction) {
      return new ScheduleHealth(slots, late, waited, missed, blocked, true, "");
    }
    String cause =
        waited * 2 >= late
            ? "all "
                + connections
                + " connections were busy (the target is slower than qps "
                + fmt(qps)
                + " allows with this many connections: raise concurrentRequest or lower qps)"
            : "the generator could not send on time (CPU saturated or paused: lower qps or give"
                + " it more cores)";
    String reason =
        String.format(
            Locale.ROOT,
            "%d of %d scheduled requests (%.1f%%) were late or missed, over the %.1f%% allowed;"
                + " blocked %.1fs: %s",
            late + missed,
            slots,
            fraction * 100,
            maxLateFraction * 100,
            blocked.toMillis() / 1000.0,
            cause);
    return new ScheduleHealth(slots, late, waited, missed, blocked, false, reason);
  }

  private static String fmt(double qps) {
    return qps == Math.rint(qps) ? Long.toString((long) qps) : Double.toString(qps);
  }
}
