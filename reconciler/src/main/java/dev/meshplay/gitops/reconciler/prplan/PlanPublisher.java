package dev.meshplay.gitops.reconciler.prplan;

/**
 * Where a pull request's plan is published: a git note always, a forge's commit status and comment
 * when one is configured. A publisher that fails logs and lets the others run; the plan stays in
 * the store either way.
 */
public interface PlanPublisher {

  /** Publishes (or replaces) the plan of a pull request whose head just moved. */
  void publish(PullRequestPlan plan);
}
