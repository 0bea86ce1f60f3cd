package dev.meshplay.gitops.reconciler.shard;

import dev.meshplay.gitops.reconciler.cluster.Cluster;
import dev.meshplay.gitops.reconciler.cluster.ClusterException;
import dev.meshplay.gitops.render.ObjectRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster that refuses writes while this replica does not own it. Reads pass through (they harm
 * no one); an apply or delete without ownership fails like an unreachable cluster, so the pass
 * stops and the next owner's passes are the only writes.
 */
public final class OwnedCluster implements Cluster {
  private final Cluster delegate;
  private final ClusterOwnership ownership;

  public OwnedCluster(Cluster delegate, ClusterOwnership ownership) {
    this.delegate = delegate;
    this.ownership = ownership;
  }

  /** The cluster underneath (the watch cache, for closing it). */
  public Cluster delegate() {
    return delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public Optional<Map<String, Object>> get(ObjectRef ref) {
    return delegate.get(ref);
  }

  @Override
  public Map<String, Object> apply(Map<String, Object> object, boolean force) {
    requireOwnership("apply", null);
    return delegate.apply(object, force);
  }

  @Override
  public List<ObjectRef> list(String apiVersion, String kind, String namespace) {
    return delegate.list(apiVersion, kind, namespace);
  }

  @Override
  public boolean delete(ObjectRef ref) {
    requireOwnership("delete", ref);
    return delegate.delete(ref);
  }

  private void requireOwnership(String verb, ObjectRef ref) {
    if (!ownership.owns(delegate.name())) {
      throw new ClusterException(
          delegate.name(),
          verb,
          ref,
          "NotOwner",
          // An I/O failure to the reconciler: the pass ends as "cluster unavailable" at once
          // instead of trying every object.
          new java.io.IOException("this replica does not hold the cluster's Lease"));
    }
  }
}
