package dev.meshplay.gitops.reconciler.prplan;

import java.util.Objects;

/** Whether two plans of the same pull request say the same, whenever they were made. */
final class PlanOutcome {
  private PlanOutcome() {}

  static boolean same(PullRequestPlan a, PullRequestPlan b) {
    return Objects.equals(a.head(), b.head())
        && Objects.equals(a.base(), b.base())
        && Objects.equals(a.settingsError(), b.settingsError())
        && Objects.equals(a.clusterError(), b.clusterError())
        && a.designs().equals(b.designs())
        && a.baseDeltas().equals(b.baseDeltas());
  }
}
