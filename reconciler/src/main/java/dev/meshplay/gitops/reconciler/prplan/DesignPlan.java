package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.policies.Enforcement;
import dev.meshplay.gitops.policies.Finding;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.render.Diagnostic;
import java.util.List;

/**
 * The plan of one design for one cluster.
 *
 * @param heldBecause why nothing of the design would be applied (render failed, suspended, a deny
 *     finding), or null
 * @param errors the design's validation (render) errors, with file:line
 * @param findings the policy findings in force for the design
 */
public record DesignPlan(
    String design,
    String cluster,
    List<ObjectChange> changes,
    List<Diagnostic> errors,
    List<Finding> findings,
    String heldBecause) {

  public DesignPlan {
    changes = List.copyOf(changes);
    errors = List.copyOf(errors);
    findings = List.copyOf(findings);
  }

  public long count(Action action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }

  public long findings(Enforcement severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  public boolean hasChanges() {
    return changes.stream().anyMatch(ObjectChange::changes);
  }

  /** Render errors or a deny finding: the change must not merge as it is. */
  public boolean failed() {
    return !errors.isEmpty() || findings.stream().anyMatch(Finding::blocks);
  }
}
