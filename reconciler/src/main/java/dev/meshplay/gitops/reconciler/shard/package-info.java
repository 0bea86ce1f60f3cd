/**
 * Sharding of target clusters over replicas: which clusters this replica may reconcile now. With
 * one replica it owns them all; with several, each cluster has one {@code coordination.k8s.io/v1}
 * Lease in a control cluster and only its holder reconciles it ({@link LeasedClusters}). {@link
 * OwnedCluster} refuses writes to a cluster this replica does not hold, so a pass still running
 * when a Lease is lost cannot write beside the next owner.
 */
package dev.meshplay.gitops.reconciler.shard;
