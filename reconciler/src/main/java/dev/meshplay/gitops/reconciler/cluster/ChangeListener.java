package dev.meshplay.gitops.reconciler.cluster;

/**
 * Told when objects the daemon owns change behind its back, so the source that owns them gets a
 * pass at once. With a hundred sources, waking every source for one edited object costs a hundred
 * passes; the object's source label says which one to wake.
 */
public interface ChangeListener {
  /** An object labelled as {@code source}'s was changed or deleted. */
  void sourceChanged(String source);

  /** Anything may have changed (a watch came back, a cluster was taken over): every source. */
  void everythingChanged();

  /** Wakes {@code everyone} for either kind of change: for tools that have a single loop. */
  static ChangeListener any(Runnable everyone) {
    return new ChangeListener() {
      @Override
      public void sourceChanged(String source) {
        everyone.run();
      }

      @Override
      public void everythingChanged() {
        everyone.run();
      }
    };
  }
}
