package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.policies.Finding;
import dev.meshplay.gitops.render.Diagnostic;

/** The plan for a terminal: one line per change, indented field diffs, then the summary. */
public final class TextReport {
  private TextReport() {}

  public static String render(PullRequestPlan plan) {
    StringBuilder out = new StringBuilder();
    if (plan.sandbox()) {
      out.append(Notes.SANDBOX).append("\n\n");
    }
    if (plan.settingsError() != null) {
      out.append("error: ").append(plan.settingsError()).append('\n');
    }
    if (plan.clusterError() != null) {
      out.append("error: ").append(plan.clusterError()).append('\n');
    }
    if (!plan.baseDeltas().isEmpty()) {
      out.append("Changed against ").append(plan.base()).append(":\n");
      for (DesignDelta delta : plan.baseDeltas()) {
        out.append("  ")
            .append(delta.kind().name().toLowerCase(java.util.Locale.ROOT))
            .append(' ')
            .append(delta.ref())
            .append("  (")
            .append(delta.design())
            .append(")\n");
        delta.diffs().forEach(d -> out.append("      ").append(d.line()).append('\n'));
      }
      out.append('\n');
    }
    for (DesignPlan design : plan.designs()) {
      out.append(design.design()).append(" → ").append(design.cluster());
      if (design.heldBecause() != null) {
        out.append("  (held: ").append(design.heldBecause()).append(')');
      }
      out.append('\n');
      for (Diagnostic error : design.errors()) {
        out.append("  ").append(error).append('\n');
      }
      for (Finding finding : design.findings()) {
        out.append("  ").append(finding).append('\n');
      }
      for (ObjectChange change : design.changes()) {
        out.append("  ").append(Notes.symbol(change.action())).append(' ');
        out.append(Notes.word(change.action())).append(' ').append(change.ref());
        if (change.note() != null) {
          out.append("  (").append(change.note()).append(')');
        }
        out.append('\n');
        change.diffs().forEach(d -> out.append("      ").append(d.line()).append('\n'));
      }
    }
    out.append("\nPlan: ").append(plan.summary()).append('\n');
    return out.toString();
  }
}
