package dev.meshplay.gitops.perf.load;

/** Receives a {@link Progress} about once a second while a benchmark runs. */
@FunctionalInterface
public interface ProgressListener {

  /** Ignores progress (scheduled runs). */
  ProgressListener NONE = progress -> {};

  /** Called on the thread that runs the benchmark; must return quickly. */
  void onProgress(Progress progress);
}
