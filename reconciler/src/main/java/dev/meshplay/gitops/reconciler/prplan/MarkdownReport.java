package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.policies.Enforcement;
import dev.meshplay.gitops.reconciler.plan.Action;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan as GitHub-flavoured Markdown, for the git note, the pull-request comment and {@code -o
 * markdown}: a summary table per design × cluster, then one collapsible section per design with its
 * object diffs and findings. Sections that do not fit the size limit are left out with a note, the
 * table always stays.
 */
public final class MarkdownReport {
  /** Finds the comment again on the next push, so it is edited rather than posted anew. */
  public static final String MARKER = "<!-- meshplay-gitops:plan -->";

  /** GitHub's limit on a comment body. */
  public static final int GITHUB_COMMENT_LIMIT = 65_536;

  /**
   * @param limit the most characters the report may have
   * @param fileLinks prefix that turns {@code file} into a link (e.g. {@code
   *     https://github.com/o/r/blob/SHA/}), or null for plain file:line
   * @param fullPlan where the whole plan can be read when this one is cut, or null
   */
  public record Options(int limit, String fileLinks, String fullPlan) {
    public static Options defaults() {
      return new Options(GITHUB_COMMENT_LIMIT, null, null);
    }
  }

  private MarkdownReport() {}

  public static String render(PullRequestPlan plan, Options options) {
    StringBuilder head = new StringBuilder(MARKER).append('\n');
    head.append("### Meshplay GitOps plan")
        .append(plan.id() == null ? "" : " for " + plan.id())
        .append('\n');
    head.append('\n').append(verdict(plan)).append(" **").append(plan.summary()).append("**");
    if (plan.head() != null) {
      head.append(" at `").append(plan.head(), 0, Math.min(12, plan.head().length())).append('`');
    }
    head.append('\n');
    if (plan.sandbox()) {
      head.append("\n> ").append(Notes.SANDBOX).append('\n');
    }
    head.append('\n').append(table(plan));
    List<String> sections = new ArrayList<>();
    if (!plan.baseDeltas().isEmpty()) {
      sections.add(MarkdownSections.baseDeltas(plan));
    }
    plan.designs().forEach(d -> sections.add(MarkdownSections.design(d, options.fileLinks())));
    return fit(head.toString(), sections, options);
  }

  private static String verdict(PullRequestPlan plan) {
    return plan.failed() ? "❌" : plan.hasChanges() ? "📝" : "✅";
  }

  private static String table(PullRequestPlan plan) {
    StringBuilder out =
        new StringBuilder(
            "| design | cluster | create | update | prune | unchanged | deny | warn | status |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (DesignPlan d : plan.designs()) {
      out.append("| `")
          .append(MarkdownSections.cell(d.design()))
          .append("` | ")
          .append(MarkdownSections.cell(d.cluster()))
          .append(" | ")
          .append(d.count(Action.CREATE))
          .append(" | ")
          .append(d.count(Action.UPDATE))
          .append(" | ")
          .append(d.count(Action.PRUNE))
          .append(" | ")
          .append(d.count(Action.UNCHANGED))
          .append(" | ")
          .append(d.findings(Enforcement.DENY))
          .append(" | ")
          .append(d.findings(Enforcement.WARN))
          .append(" | ")
          .append(d.heldBecause() == null ? "ok" : MarkdownSections.cell(d.heldBecause()))
          .append(" |\n");
    }
    if (plan.settingsError() != null) {
      out.append("\n**meshplay.yaml:** ").append(plan.settingsError()).append('\n');
    }
    if (plan.clusterError() != null) {
      out.append("\n**cluster:** ").append(plan.clusterError()).append('\n');
    }
    return out.toString();
  }

  // The table is the review; the details are a convenience, so they are what gets cut.
  private static String fit(String head, List<String> sections, Options options) {
    StringBuilder out = new StringBuilder(head);
    int left = sections.size();
    String reserve = cutNote(sections.size(), options);
    for (String section : sections) {
      if (out.length() + section.length() + reserve.length() + 1 > options.limit()) {
        break;
      }
      out.append('\n').append(section);
      left--;
    }
    if (left > 0) {
      out.append('\n').append(cutNote(left, options));
    }
    if (out.length() > options.limit()) {
      return out.substring(0, options.limit());
    }
    return out.toString();
  }

  private static String cutNote(int left, Options options) {
    String where =
        options.fullPlan() == null
            ? "Run `meshplay-gitops plan` for the full plan."
            : "The full plan: " + options.fullPlan();
    return "> **Truncated:** %d more section(s) left out to stay within %d characters. %s\n"
        .formatted(left, options.limit(), where);
  }
}
