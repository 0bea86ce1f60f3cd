package dev.meshplay.gitops.reconciler.shard;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * A cluster's Lease as fabric8's elector sees it, with two additions.
 *
 * <p>Validity of our own: a write to the Lease that succeeded makes this replica's hold valid until
 * {@code renewDeadline} after the write was <em>sent</em>, which is before anyone else may take it
 * ({@code leaseDuration} after the renew time the write carried). fabric8 checks its deadline only
 * when a renew call returns, so a call hanging on a slow API server could otherwise let a holder
 * keep writing after its Lease expired.
 *
 * <p>A fair-share rule on taking: while {@link Gate#tryReserve} says no, a free or expired Lease
 * reads as freshly held by someone else, so the elector waits quietly and retries. Renewing a Lease
 * already held is never refused.
 */
final class ClusterLeaseLock implements Lock {
  private static final String NOBODY = "(left for a replica under its fair share)";

  /** Decides whether this replica may try to take one more cluster now. */
  interface Gate {
    boolean tryReserve(String cluster);

    void release(String cluster);
  }

  private final LeaseLock lease;
  private final String cluster;
  private final Duration leaseDuration;
  private final long renewDeadlineNanos;
  private final Gate gate;
  private volatile long validUntil;
  private volatile boolean everHeld;

  ClusterLeaseLock(
      LeaseLock lease, String cluster, Duration leaseDuration, Duration renewDeadline, Gate gate) {
    this.lease = lease;
    this.cluster = cluster;
    this.leaseDuration = leaseDuration;
    this.renewDeadlineNanos = renewDeadline.toNanos();
    this.gate = gate;
  }

  /** Whether this replica's last successful write to the Lease still covers now. */
  boolean valid() {
    return everHeld && System.nanoTime() - validUntil < 0;
  }

  @Override
  public LeaderElectionRecord get(KubernetesClient client) {
    gate.release(cluster);
    LeaderElectionRecord current = lease.get(client);
    if (current != null && identity().equals(current.getHolderIdentity())) {
      return current;
    }
    ZonedDateTime now = ZonedDateTime.now();
    if (!takeable(current, now) || gate.tryReserve(cluster)) {
      // Held by a live replica (the elector will wait), or ours to try.
      return current;
    }
    String holder =
        current == null
                || current.getHolderIdentity() == null
                || current.getHolderIdentity().isEmpty()
            ? NOBODY
            : current.getHolderIdentity();
    return new LeaderElectionRecord(
        holder, leaseDuration, now, now, current == null ? 0 : current.getLeaderTransitions());
  }

  // Reserve only what could be taken now, or a valid Lease elsewhere would hold a reservation.
  private static boolean takeable(LeaderElectionRecord record, ZonedDateTime now) {
    return record == null
        || record.getHolderIdentity() == null
        || record.getHolderIdentity().isEmpty()
        || !now.isBefore(record.getRenewTime().plus(record.getLeaseDuration()));
  }

  @Override
  public void create(KubernetesClient client, LeaderElectionRecord record) {
    long sent = System.nanoTime();
    lease.create(client, record);
    held(sent);
  }

  @Override
  public void update(KubernetesClient client, LeaderElectionRecord record) {
    long sent = System.nanoTime();
    String holder = record.getHolderIdentity();
    if (holder == null || holder.isEmpty()) {
      // A release: the hold ends before the Lease is free for others.
      everHeld = false;
      lease.update(client, record);
      return;
    }
    lease.update(client, record);
    held(sent);
  }

  private void held(long sent) {
    validUntil = sent + renewDeadlineNanos;
    everHeld = true;
  }

  @Override
  public String identity() {
    return lease.identity();
  }

  @Override
  public String describe() {
    return lease.describe();
  }
}
