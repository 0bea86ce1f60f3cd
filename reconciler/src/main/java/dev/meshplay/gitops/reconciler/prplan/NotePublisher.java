package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.git.CommitBack;

/**
 * The plan as a git note on the pull request's head commit, readable with {@code git log
 * --notes=meshplay}: every forge and every clone can see it, with no API token. Pushed with git/'s
 * fast-forward-only rules, so notes of other tools on the same ref survive.
 */
public final class NotePublisher implements PlanPublisher {
  private final CommitBack commitBack;

  public NotePublisher(CommitBack commitBack) {
    this.commitBack = commitBack;
  }

  @Override
  public void publish(PullRequestPlan plan) {
    if (plan.head() != null) {
      commitBack.note(plan.head(), MarkdownReport.render(plan, MarkdownReport.Options.defaults()));
    }
  }
}
