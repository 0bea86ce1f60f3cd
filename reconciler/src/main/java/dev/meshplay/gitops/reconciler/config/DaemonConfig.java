package dev.meshplay.gitops.reconciler.config;

import dev.meshplay.gitops.git.GitSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the daemon needs, read once at start-up.
 *
 * @param workDir where source mirrors and scratch checkouts live
 * @param interval how often each source is polled and its cluster state compared
 * @param clusters the clusters designs can target; at least one
 */
public record DaemonConfig(
    String host,
    int port,
    Path workDir,
    Duration interval,
    List<GitSource> sources,
    List<ClusterConfig> clusters) {

  public DaemonConfig {
    sources = List.copyOf(sources);
    clusters = List.copyOf(clusters);
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
}
