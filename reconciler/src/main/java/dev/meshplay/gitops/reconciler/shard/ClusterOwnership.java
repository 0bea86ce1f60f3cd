package dev.meshplay.gitops.reconciler.shard;

/** Which target clusters this replica may reconcile right now. */
public interface ClusterOwnership extends AutoCloseable {

  /** One replica: every cluster is its own, always. */
  ClusterOwnership EVERYTHING =
      new ClusterOwnership() {
        @Override
        public boolean owns(String cluster) {
          return true;
        }

        @Override
        public void close() {}
      };

  /** Whether this replica may reconcile {@code cluster} now; cheap, called before every write. */
  boolean owns(String cluster);

  /** Gives up what it holds (a Lease is released, so the next owner need not wait). */
  @Override
  void close();
}
