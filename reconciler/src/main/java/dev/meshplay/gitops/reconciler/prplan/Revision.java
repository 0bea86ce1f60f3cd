package dev.meshplay.gitops.reconciler.prplan;

/**
 * Which change a plan is for.
 *
 * @param id the pull request number, or a label such as the directory name
 * @param ref the ref planned, or the directory
 * @param head the head commit, or null for a working tree
 * @param base the base commit or ref, or null
 */
public record Revision(String id, String ref, String head, String base) {}
