package dev.meshplay.gitops.git;

/**
 * A commit (or note) that landed on the remote by fast-forward.
 *
 * @param ref the remote ref written
 * @param commitId the ref's tip after the push (the previous tip when nothing had to change)
 * @param attempts how many pushes it took (1 when nobody raced)
 * @param changed false when the files or note were already as asked, so nothing was pushed
 */
public record PushOutcome(String ref, String commitId, int attempts, boolean changed) {}
