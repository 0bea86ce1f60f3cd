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
 */
public record DaemonConfig(
    String host,
    int port,
    Path workDir,
    Duration interval,
    List<GitSource> sources,
    ClusterConfig cluster) {

  public DaemonConfig {
    sources = List.copyOf(sources);
  }
}
