package dev.meshplay.gitops.git;

import java.util.Optional;

/**
 * A change of one tracked ref (the source's branch or a pull-request ref) seen by a poll: (source,
 * ref, old commit, new commit), with the kind of change as the type.
 */
public sealed interface RefEvent {

  String source();

  String ref();

  Optional<String> oldCommit();

  Optional<String> newCommit();

  /** The ref is new on the remote (a branch created, a pull request opened). */
  record Appeared(String source, String ref, String commit) implements RefEvent {
    public Optional<String> oldCommit() {
      return Optional.empty();
    }

    public Optional<String> newCommit() {
      return Optional.of(commit);
    }
  }

  /** The ref advanced: the old commit is an ancestor of the new one. */
  record Moved(String source, String ref, String from, String to) implements RefEvent {
    public Optional<String> oldCommit() {
      return Optional.of(from);
    }

    public Optional<String> newCommit() {
      return Optional.of(to);
    }
  }

  /** The ref was force-pushed: the old commit is not in the new one's history. */
  record Rewritten(String source, String ref, String from, String to) implements RefEvent {
    public Optional<String> oldCommit() {
      return Optional.of(from);
    }

    public Optional<String> newCommit() {
      return Optional.of(to);
    }
  }

  /** The ref is gone from the remote (a pull request closed or merged, a branch deleted). */
  record Disappeared(String source, String ref, String commit) implements RefEvent {
    public Optional<String> oldCommit() {
      return Optional.of(commit);
    }

    public Optional<String> newCommit() {
      return Optional.empty();
    }
  }
}
