package dev.meshplay.gitops.git;

import java.time.Instant;

/**
 * One commit of a source, with a way to read its files.
 *
 * @param commitId the full 40-hex commit id
 * @param author the author's name
 * @param message the first line of the commit message
 * @param time the commit time
 */
public record Snapshot(
    GitSource source,
    String commitId,
    String author,
    String message,
    Instant time,
    CommitFiles files) {

  public String shortId() {
    return commitId.substring(0, 7);
  }
}
