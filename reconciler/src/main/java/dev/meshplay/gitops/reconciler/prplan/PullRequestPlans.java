package dev.meshplay.gitops.reconciler.prplan;

import java.util.List;
import java.util.Optional;

/**
 * The plans of the open pull requests, read-only: what the status page and the API show. A plan is
 * replaced when its pull request moves and removed when it closes.
 */
public interface PullRequestPlans {

  /** Every current plan, by source and then ref. */
  List<PullRequestPlan> all();

  /** The plan of one pull-request ref of one source, if it was planned and is still open. */
  Optional<PullRequestPlan> find(String source, String ref);
}
