package dev.meshplay.gitops.perf.load;

import java.util.Map;
import java.util.TreeMap;

/** The counters of one lane, written by its event loop only and copied out on that loop. */
final class LaneTally {

  long completed;
  long measured;
  long connect;
  long timeout;
  long io;
  final long[] status = new long[600];
  long sentSlots;
  long lateSlots;
  long waitedSlots;
  long missedSlots;
  long blockedNanos;

  /** An immutable copy, taken on the lane's event loop. */
  Snapshot snapshot() {
    Map<Integer, Long> codes = new TreeMap<>();
    for (int code = 0; code < status.length; code++) {
      if (status[code] > 0) {
        codes.put(code, status[code]);
      }
    }
    return new Snapshot(
        completed,
        measured,
        new ErrorCounts(connect, timeout, io, codes),
        sentSlots + missedSlots,
        lateSlots,
        waitedSlots,
        missedSlots,
        blockedNanos);
  }

  record Snapshot(
      long completed,
      long measured,
      ErrorCounts errors,
      long slots,
      long late,
      long waited,
      long missed,
      long blockedNanos) {

    Snapshot plus(Snapshot o) {
      return new Snapshot(
          completed + o.completed,
          measured + o.measured,
          errors.plus(o.errors),
          slots + o.slots,
          late + o.late,
          waited + o.waited,
          missed + o.missed,
          Math.max(blockedNanos, o.blockedNanos));
    }

    static final Snapshot EMPTY = new Snapshot(0, 0, ErrorCounts.NONE, 0, 0, 0, 0, 0);
  }
}
