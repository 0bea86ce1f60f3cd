package dev.meshplay.gitops.reconciler.config;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.Secret;
import dev.meshplay.gitops.reconciler.forge.ForgeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the daemon needs, read once at start-up.
 *
 * @param workDir where source mirrors and scratch checkouts live
 * @param interval how often each source is polled and its cluster state compared
 * @param clusters the clusters designs can target; at least one
 * @param webhookSecrets per source name, the secret its webhooks must be signed with; sources
 *     without one accept unsigned webhooks (which can only trigger a poll)
 * @param forges by source name, where that source's pull-request plans are published (besides the
 *     git note); sources without an entry publish the note only
 * @param sharding how replicas share the clusters through Leases; null: this replica owns all
 * @param schedules the clustered store of benchmark schedules; null: in memory
 */
public record DaemonConfig(
    String host,
    int port,
    Path workDir,
    Duration interval,
    List<GitSource> sources,
    List<ClusterConfig> clusters,
    Map<String, Secret> webhookSecrets,
    Map<String, ForgeConfig> forges,
    ShardingConfig sharding,
    ScheduleStoreConfig schedules) {

  public DaemonConfig {
    sources = List.copyOf(sources);
    clusters = List.copyOf(clusters);
    webhookSecrets = Map.copyOf(webhookSecrets);
    forges = Map.copyOf(forges);
  }

  /** A single-replica configuration: no Leases, schedules in memory. */
  public DaemonConfig(
      String host,
      int port,
      Path workDir,
      Duration interval,
      List<GitSource> sources,
      List<ClusterConfig> clusters,
      Map<String, Secret> webhookSecrets,
      Map<String, ForgeConfig> forges) {
    this(host, port, workDir, interval, sources, clusters, webhookSecrets, forges, null, null);
  }

  /** A configuration without webhook secrets or forges. */
  public DaemonConfig(
      String host,
      int port,
      Path workDir,
      Duration interval,
      List<GitSource> sources,
      List<ClusterConfig> clusters) {
    this(host, port, workDir, interval, sources, clusters, Map.of(), Map.of());
  }

  /** A configuration with one cluster. */
  public DaemonConfig(
      String host,
      int port,
      Path workDir,
      Duration interval,
      List<GitSource> sources,
      ClusterConfig cluster) {
    this(host, port, workDir, interval, sources, List.of(cluster));
  }

  /** This configuration with webhook secrets. */
  public DaemonConfig withWebhookSecrets(Map<String, Secret> secrets) {
    return new DaemonConfig(
        host, port, workDir, interval, sources, clusters, secrets, forges, sharding, schedules);
  }

  /** This configuration with forges to publish pull-request plans to. */
  public DaemonConfig withForges(Map<String, ForgeConfig> forgeConfigs) {
    return new DaemonConfig(
        host,
        port,
        workDir,
        interval,
        sources,
        clusters,
        webhookSecrets,
        forgeConfigs,
        sharding,
        schedules);
  }

  /** This configuration with Lease-based sharding of the clusters over replicas. */
  public DaemonConfig withSharding(ShardingConfig leases) {
    return new DaemonConfig(
        host,
        port,
        workDir,
        interval,
        sources,
        clusters,
        webhookSecrets,
        forges,
        leases,
        schedules);
  }

  /** This configuration with the benchmark schedules in a clustered JDBC store. */
  public DaemonConfig withSchedules(ScheduleStoreConfig store) {
    return new DaemonConfig(
        host, port, workDir, interval, sources, clusters, webhookSecrets, forges, sharding, store);
  }
}
