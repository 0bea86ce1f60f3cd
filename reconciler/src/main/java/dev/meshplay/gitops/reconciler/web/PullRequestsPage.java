package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.Html.escape;

import dev.meshplay.gitops.reconciler.prplan.JsonReport;
import dev.meshplay.gitops.reconciler.prplan.PullRequestPlan;
import dev.meshplay.gitops.reconciler.prplan.PullRequestPlans;
import dev.meshplay.gitops.reconciler.prplan.TextReport;
import java.util.List;
import java.util.stream.Collectors;

/** The plans of the open pull requests: verdict, counts, and the plan itself. Read-only. */
final class PullRequestsPage {
  private PullRequestsPage() {}

  static String render(PullRequestPlans plans) {
    StringBuilder html = new StringBuilder(2048).append("<h2>Pull requests</h2>");
    List<PullRequestPlan> all = plans.all();
    if (all.isEmpty()) {
      html.append(
          "<p class=\"muted\">No open pull requests are tracked. Sources list the refs to plan"
              + " in <code>pullRequestRefs</code> (the demo plans <code>pr/*</code> branches).</p>");
    }
    for (PullRequestPlan plan : all) {
      String state = plan.failed() ? "Failed" : plan.hasChanges() ? "Progressing" : "Synced";
      String word = plan.failed() ? "fails" : plan.hasChanges() ? "changes" : "no changes";
      html.append("<h3>")
          .append(escape(plan.source()))
          .append(" <code>")
          .append(escape(plan.ref()))
          .append("</code> <span class=\"badge ")
          .append(state)
          .append("\">")
          .append(word)
          .append("</span></h3><p>")
          .append(escape(plan.summary()))
          .append(" <span class=\"muted\">head ")
          .append(escape(plan.head() == null ? "working tree" : shortId(plan.head())))
          .append(", planned ")
          .append(escape(plan.plannedAt()))
          .append("</span></p><pre>")
          .append(escape(TextReport.render(plan)))
          .append("</pre>");
    }
    return Layout.page("Pull requests", Layout.Nav.PULL_REQUESTS, 5, html);
  }

  /** {@code {"plans": [ … ]}}, each plan as {@code plan -o json} prints it. */
  static String json(PullRequestPlans plans) {
    return plans.all().stream()
        .map(JsonReport::render)
        .map(String::strip)
        .collect(Collectors.joining(",\n", "{\"plans\": [\n", "\n]}\n"));
  }

  private static String shortId(String commit) {
    return commit.substring(0, Math.min(7, commit.length()));
  }
}
