package dev.meshplay.gitops.git;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A set of file changes to land as one commit: files added or replaced, and files or whole
 * directories deleted. Immutable; each change method returns a new value.
 *
 * @param branch the branch to commit on, without {@code refs/heads/}; created from the source's
 *     branch when absent
 * @param messageTemplate the commit message; {@code {source}}, {@code {branch}}, {@code {files}}
 *     (the number of paths changed) and {@code {parent}} (the short id of the parent) are filled in
 * @param author the author; the committer is the {@link CommitBack}'s identity
 * @param writes path to new content
 * @param deletes paths of files or directories to remove
 */
public record ReportCommit(
    String branch,
    String messageTemplate,
    Identity author,
    Map<String, byte[]> writes,
    Set<String> deletes) {

  public ReportCommit {
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(messageTemplate, "message");
    Objects.requireNonNull(author, "author");
    writes.keySet().forEach(ReportCommit::checkPath);
    deletes.forEach(ReportCommit::checkPath);
    writes = Collections.unmodifiableMap(new TreeMap<>(writes));
    deletes = Collections.unmodifiableSet(new LinkedHashSet<>(deletes));
  }

  /** An empty change on {@code branch}. */
  public static ReportCommit on(String branch, String messageTemplate, Identity author) {
    return new ReportCommit(branch, messageTemplate, author, Map.of(), Set.of());
  }

  public ReportCommit write(String path, byte[] content) {
    Map<String, byte[]> next = new TreeMap<>(writes);
    next.put(path, content.clone());
    return new ReportCommit(branch, messageTemplate, author, next, deletes);
  }

  public ReportCommit write(String path, String content) {
    return write(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Removes a file, or a directory with everything under it. */
  public ReportCommit delete(String path) {
    Set<String> next = new LinkedHashSet<>(deletes);
    next.add(path);
    return new ReportCommit(branch, messageTemplate, author, writes, next);
  }

  String message(String source, String parent) {
    return messageTemplate
        .replace("{source}", source)
        .replace("{branch}", branch)
        .replace("{files}", String.valueOf(writes.size() + deletes.size()))
        .replace("{parent}", parent);
  }

  private static void checkPath(String path) {
    if (path.isEmpty()
        || path.startsWith("/")
        || path.endsWith("/")
        || path.contains("//")
        || ("/" + path + "/").contains("/../")
        || ("/" + path + "/").contains("/.git/")
        || ("/" + path + "/").contains("/./")) {
      throw new IllegalArgumentException("invalid repository path '" + path + "'");
    }
  }
}
