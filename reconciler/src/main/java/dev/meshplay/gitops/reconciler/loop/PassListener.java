package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.reconciler.status.CommitInfo;
import dev.meshplay.gitops.reconciler.status.SourceStatus;

/**
 * Told once per pass, next to where the status is written: how the recent events and the manifests
 * of the detail page are fed. Implementations must be quick and must not throw.
 */
public interface PassListener {
  PassListener NONE = (before, cluster, head, repository, outcome) -> {};

  /**
   * A pass into {@code cluster} ended with {@code outcome}.
   *
   * @param before the source's status before this pass was recorded
   * @param repository the rendered commit the pass worked on
   */
  void passed(
      SourceStatus before,
      String cluster,
      CommitInfo head,
      RenderedRepository repository,
      PassOutcome outcome);

  /** The poll failed with {@code message}; {@code before} is the status it found. */
  default void pollFailed(SourceStatus before, String message) {}
}
