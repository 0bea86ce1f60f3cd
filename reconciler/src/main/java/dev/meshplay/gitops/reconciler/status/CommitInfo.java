package dev.meshplay.gitops.reconciler.status;

import java.time.Instant;

/** The commit a status line speaks of. */
public record CommitInfo(String id, String message, String author, Instant time) {

  public String shortId() {
    return id.substring(0, Math.min(7, id.length()));
  }
}
