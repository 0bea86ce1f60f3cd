package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.reconciler.forge.Forge;

/**
 * The plan on the forge: a commit status on the head (success, or failure when the plan has errors
 * or deny findings) linking to the status page, and the Markdown report as the pull request's one
 * plan comment, edited on every push.
 */
public final class ForgePublisher implements PlanPublisher {
  /** The status's name on the forge, so branch protection can require it. */
  public static final String CONTEXT = "meshplay-gitops/plan";

  private final Forge forge;
  private final String statusPage;

  /**
   * @param statusPage the status page's pull-request section, linked from status and comment
   */
  public ForgePublisher(Forge forge, String statusPage) {
    this.forge = forge;
    this.statusPage = statusPage;
  }

  @Override
  public void publish(PullRequestPlan plan) {
    if (plan.head() == null) {
      return;
    }
    forge.status(
        plan.head(),
        plan.failed() ? Forge.State.FAILURE : Forge.State.SUCCESS,
        CONTEXT,
        plan.summary(),
        statusPage);
    forge.comment(
        plan.id(),
        MarkdownReport.MARKER,
        MarkdownReport.render(
            plan,
            new MarkdownReport.Options(MarkdownReport.GITHUB_COMMENT_LIMIT, null, statusPage)));
  }
}
