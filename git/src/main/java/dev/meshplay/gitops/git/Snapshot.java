package dev.meshplay.gitops.git;

import java.time.Instant;

/**
 * One commit of a source, with a way to read its files.
 *
 * @param ref the full ref the commit was read from ({@code refs/heads/main}, {@code
 *     refs/pull/7/head})
 * @param commitId the full 40-hex commit id
 * @param author the author's name
 * @param message the first line of the commit message
 * @param time the commit time
 * @param files the files under the source's sub-path
 */
public record Snapshot(
    GitSource source,
    String ref,
    String commitId,
    String author,
    String message,
    Instant time,
    CommitFiles files) {

  public String shortId() {
    return commitId.substring(0, 7);
  }
}
