package dev.meshplay.gitops.reconciler.soak;

/**
 * One measurement of the daemon's process.
 *
 * @param seconds since the soak started
 * @param heapAfterGc bytes of heap in use right after a forced full GC
 * @param rss resident set size in bytes ({@code VmRSS})
 * @param threads the process's threads
 * @param fds its open file descriptors, Git pack files included
 * @param packs the open descriptors that are Git pack files ({@code *.pack}): JGit keeps one per
 *     pack it read, and a fetch adds a pack until its automatic gc repacks them ({@code
 *     gc.autoPackLimit}, 50), so they rise and fall in a sawtooth that is not a leak
 */
public record Sample(double seconds, long heapAfterGc, long rss, int threads, int fds, int packs) {

  /** The value of one metric, for fitting and charts. */
  public double value(Metric metric) {
    return switch (metric) {
      case HEAP_AFTER_GC -> heapAfterGc;
      case RSS -> rss;
      case THREADS -> threads;
      case FDS -> fds - packs;
      case PACKS -> packs;
    };
  }
}
