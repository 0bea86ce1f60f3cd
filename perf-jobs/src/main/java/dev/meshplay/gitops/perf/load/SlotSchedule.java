package dev.meshplay.gitops.perf.load;

/**
 * One lane's share of the global open-loop schedule. Slot {@code i} of the run is due at {@code
 * start + i * interval}; with {@code L} lanes, lane {@code j} owns slots {@code j, j + L, j + 2L
 * ...}, so the run as a whole sends at the global rate and a lane whose connections are busy falls
 * behind visibly instead of silently lowering the load.
 *
 * @param start nanoTime of slot 0 (the start of the warm-up)
 * @param measureStart nanoTime from which slots are measured
 * @param end nanoTime at which no more slots are due
 * @param intervalNanos the global gap between slots, 1e9 / qps
 */
record SlotSchedule(
    long start, long measureStart, long end, double intervalNanos, int lane, int lanes) {

  /** The intended send time of this lane's {@code k}-th slot. */
  long due(long k) {
    return start + Math.round((k * (double) lanes + lane) * intervalNanos);
  }

  /** The gap between two slots of this lane. */
  long laneGap() {
    return Math.round(intervalNanos * lanes);
  }

  /** Measured slots from {@code k} on that are due before the end: those a stop leaves unsent. */
  long unsentFrom(long k) {
    long n = 0;
    for (long i = k; due(i) < end; i++) {
      if (due(i) >= measureStart) {
        n++;
      }
    }
    return n;
  }
}
