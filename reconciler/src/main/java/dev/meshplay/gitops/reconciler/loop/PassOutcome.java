package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.reconciler.plan.Plan;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import java.util.List;

/** How one pass of the loop ended; the loop maps each to what it records and does next. */
public sealed interface PassOutcome {

  /** The pass ran: every design has a status (some may have failed on their own). */
  record Applied(List<DesignStatus> designs, Plan plan, boolean everyDesignApplied)
      implements PassOutcome {}

  /** meshplay.yaml is invalid: nothing is applied or pruned until it is fixed. */
  record SettingsInvalid(String message) implements PassOutcome {}

  /** The cluster could not be read or written as a whole: nothing was pruned. */
  record ClusterUnavailable(String message) implements PassOutcome {}
}
