package dev.meshplay.gitops.perf.load;

/**
 * Sends the load a {@link LoadSpec} describes to its endpoints and measures the responses.
 *
 * <p>Contract for every implementation:
 *
 * <ul>
 *   <li>{@code run} blocks until the warm-up, the measured period and the drain of requests still
 *       in flight are over, and returns what was measured in the measured period only;
 *   <li>the returned {@link Measurement} states its {@link LoadModel}: only an open-loop run whose
 *       latencies count from each request's intended send time may call itself open loop;
 *   <li>errors of the target (refused connections, timeouts, error statuses) are counted in the
 *       measurement, never thrown; {@link LoadGeneratorException} means the generator itself could
 *       not run (a missing binary, unreadable output);
 *   <li>{@code progress} is called from the calling thread about once a second; it must return
 *       quickly.
 * </ul>
 */
public interface LoadGenerator {

  /** The name profiles use for this generator ({@code builtin}, {@code wrk}, {@code hey} ...). */
  String name();

  /**
   * Runs the load and returns the measurement.
   *
   * @throws LoadGeneratorException when the generator cannot run or its output cannot be read
   * @throws InterruptedException when the calling thread is interrupted; the run is stopped
   */
  Measurement run(LoadSpec spec, ProgressListener progress)
      throws LoadGeneratorException, InterruptedException;
}
