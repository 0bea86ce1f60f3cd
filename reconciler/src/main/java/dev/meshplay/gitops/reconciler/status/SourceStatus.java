package dev.meshplay.gitops.reconciler.status;

import java.time.Instant;
import java.util.List;

/**
 * What the daemon knows about one source and the designs it holds.
 *
 * @param head the newest commit seen on the branch, or null before the first successful poll
 * @param applied the last commit whose every design was applied, or null
 * @param lastSync when the last pass finished
 * @param error why the last pass could not run (source or cluster unreachable), or null
 */
public record SourceStatus(
    String name,
    String url,
    String branch,
    String cluster,
    CommitInfo head,
    CommitInfo applied,
    Instant lastSync,
    String error,
    List<DesignStatus> designs) {

  public SourceStatus {
    designs = List.copyOf(designs);
  }

  public static SourceStatus pending(String name, String url, String branch, String cluster) {
    return new SourceStatus(name, url, branch, cluster, null, null, null, null, List.of());
  }
}
