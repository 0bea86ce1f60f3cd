package dev.meshplay.gitops.reconciler.config;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.Secret;
import dev.meshplay.gitops.reconciler.access.WebAccess;
import dev.meshplay.gitops.reconciler.forge.ForgeConfig;
import java.net.URI;
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
 * @param inventoryNamespace the namespace, in every cluster, that holds the inventory ConfigMaps
 * @param access who may read the pages and the API; open unless {@code web.auth} is configured
 * @param sharding how replicas share the clusters through Leases; null: this replica owns all
 * @param schedules the clustered store of benchmark schedules; null: in memory
 * @param prometheus where scheduled benchmark runs read the server side's CPU and memory from;
 *     null: not read
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
    String inventoryNamespace,
    WebAccess access,
    ShardingConfig sharding,
    ScheduleStoreConfig schedules,
    URI prometheus) {

  /** Where inventories live unless configured otherwise. */
  public static final String DEFAULT_INVENTORY_NAMESPACE = "meshplay-system";

  public DaemonConfig {
    access = access == null ? WebAccess.open() : access;
    sources = List.copyOf(sources);
    clusters = List.copyOf(clusters);
    webhookSecrets = Map.copyOf(webhookSecrets);
    forges = Map.copyOf(forges);
  }

  /**
   * A single-replica configuration: inventories in the default namespace, open pages, no Leases,
   * schedules in memory, no Prometheus.
   */
  public DaemonConfig(
      String host,
      int port,
      Path workDir,
      Duration interval,
      List<GitSource> sources,
      List<ClusterConfig> clusters,
      Map<String, Secret> webhookSecrets,
      Map<String, ForgeConfig> forges) {
    this(
        host,
        port,
        workDir,
        interval,
        sources,
        clusters,
        webhookSecrets,
        forges,
        DEFAULT_INVENTORY_NAMESPACE,
        null,
        null,
        null,
        null);
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
    return with(c -> c.webhookSecrets = secrets);
  }

  /** This configuration with forges to publish pull-request plans to. */
  public DaemonConfig withForges(Map<String, ForgeConfig> forgeConfigs) {
    return with(c -> c.forges = forgeConfigs);
  }

  /** This configuration with inventories kept in {@code namespace}. */
  public DaemonConfig withInventoryNamespace(String namespace) {
    return with(c -> c.inventoryNamespace = namespace);
  }

  /** This configuration with access control on the pages and the API. */
  public DaemonConfig withAccess(WebAccess webAccess) {
    return with(c -> c.access = webAccess);
  }

  /** This configuration with Lease-based sharding of the clusters over replicas. */
  public DaemonConfig withSharding(ShardingConfig leases) {
    return with(c -> c.sharding = leases);
  }

  /** This configuration with the benchmark schedules in a clustered JDBC store. */
  public DaemonConfig withSchedules(ScheduleStoreConfig store) {
    return with(c -> c.schedules = store);
  }

  /** This configuration with a Prometheus to read server metrics of scheduled runs from. */
  public DaemonConfig withPrometheus(URI server) {
    return with(c -> c.prometheus = server);
  }

  private DaemonConfig with(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** A mutable copy, so that each {@code withX} names only what it changes. */
  private static final class Copy {
    String host;
    int port;
    Path workDir;
    Duration interval;
    List<GitSource> sources;
    List<ClusterConfig> clusters;
    Map<String, Secret> webhookSecrets;
    Map<String, ForgeConfig> forges;
    String inventoryNamespace;
    WebAccess access;
    ShardingConfig sharding;
    ScheduleStoreConfig schedules;
    URI prometheus;

    Copy(DaemonConfig config) {
      host = config.host;
      port = config.port;
      workDir = config.workDir;
      interval = config.interval;
      sources = config.sources;
      clusters = config.clusters;
      webhookSecrets = config.webhookSecrets;
      forges = config.forges;
      inventoryNamespace = config.inventoryNamespace;
      access = config.access;
      sharding = config.sharding;
      schedules = config.schedules;
      prometheus = config.prometheus;
    }

    DaemonConfig build() {
      return new DaemonConfig(
          host,
          port,
          workDir,
          interval,
          sources,
          clusters,
          webhookSecrets,
          forges,
          inventoryNamespace,
          access,
          sharding,
          schedules,
          prometheus);
    }
  }
}
