package dev.meshplay.gitops.reconciler.metrics;

/**
 * What the loop reports as it runs, so metrics are counted where things happen rather than
 * reconstructed from status. Implementations must be cheap and must not throw.
 */
public interface LoopMetrics {

  /** Reports nothing: for loops built without a metrics registry (tests, one-shot commands). */
  LoopMetrics NONE =
      new LoopMetrics() {
        @Override
        public void polled(String source, double seconds, boolean failed) {}

        @Override
        public void synced(String source, String cluster, SyncOutcome outcome, double seconds) {}
      };

  /** One Git poll of {@code source} took {@code seconds}; {@code failed} if it threw. */
  void polled(String source, double seconds, boolean failed);

  /** One pass of {@code source} into {@code cluster} ended with {@code outcome}. */
  void synced(String source, String cluster, SyncOutcome outcome, double seconds);

  /** A new commit of {@code source} rendered {@code designs} designs anew (the rest were kept). */
  default void rendered(String source, int designs) {}
}
