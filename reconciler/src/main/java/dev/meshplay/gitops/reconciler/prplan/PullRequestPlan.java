package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.policies.Findings;
import dev.meshplay.gitops.reconciler.plan.Action;
import java.time.Instant;
import java.util.List;

/**
 * What merging a change would do: per design and target cluster, the objects to create, update and
 * prune with their field diffs, the validation errors and the policy findings. Computed read-only;
 * nothing of it was applied.
 *
 * @param id the pull request, e.g. {@code 7} for {@code refs/pull/7/head}, or a label for the CLI
 * @param ref the ref planned ({@code refs/pull/7/head}), or the directory for the CLI
 * @param head the head commit, or null for a working tree
 * @param base the base commit (or ref) compared against, or null
 * @param sandbox true when planned against an empty in-process sandbox, so every object is a create
 * @param settingsError why meshplay.yaml could not be read, or null; then nothing is planned
 * @param clusterError why a cluster could not be read, or null
 * @param baseDeltas how the designs differ from the base, independent of clusters (empty without a
 *     base)
 */
public record PullRequestPlan(
    String source,
    String id,
    String ref,
    String head,
    String base,
    Instant plannedAt,
    boolean sandbox,
    String settingsError,
    String clusterError,
    List<DesignPlan> designs,
    List<DesignDelta> baseDeltas,
    Findings findings) {

  public PullRequestPlan {
    designs = List.copyOf(designs);
    baseDeltas = List.copyOf(baseDeltas);
  }

  public boolean hasChanges() {
    return designs.stream().anyMatch(DesignPlan::hasChanges);
  }

  /** Errors, an unreadable cluster or meshplay.yaml, or a deny finding. */
  public boolean failed() {
    return settingsError != null
        || clusterError != null
        || designs.stream().anyMatch(DesignPlan::failed);
  }

  /** The CLI's exit code: 1 failed, 2 changes, 0 nothing to do. */
  public int exitCode() {
    return failed() ? 1 : hasChanges() ? 2 : 0;
  }

  public long count(Action action) {
    return designs.stream().mapToLong(d -> d.count(action)).sum();
  }

  // Only named when there are any, so plans of repositories already managed read as before.
  private String adoptions() {
    long adopt = count(Action.ADOPT);
    long held = count(Action.HELD_FOREIGN);
    return (adopt > 0 ? ", %d to adopt".formatted(adopt) : "")
        + (held > 0 ? ", %d held (owned by another tool)".formatted(held) : "");
  }

  /** One line for a commit status or a log: the verdict and the counts. */
  public String summary() {
    if (settingsError != null) {
      return "failed: " + settingsError;
    }
    if (clusterError != null) {
      return "failed: " + clusterError;
    }
    String counts =
        "%d to create, %d to update, %d to prune"
                .formatted(count(Action.CREATE), count(Action.UPDATE), count(Action.PRUNE))
            + adoptions();
    long blocked = designs.stream().filter(DesignPlan::failed).count();
    return blocked > 0 ? "failed: %d design(s) blocked; %s".formatted(blocked, counts) : counts;
  }
}
