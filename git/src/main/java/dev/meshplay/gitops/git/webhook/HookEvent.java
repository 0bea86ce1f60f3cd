package dev.meshplay.gitops.git.webhook;

import java.util.List;

/** What a webhook says happened, reduced to what decides which source to poll. */
public sealed interface HookEvent {

  Provider provider();

  /** Every URL the payload gives for the repository (https clone, ssh, web). */
  List<String> repositoryUrls();

  /** The ref that changed. */
  String ref();

  /**
   * Commits were pushed to a branch.
   *
   * @param after the new tip (all zeros when the branch was deleted)
   */
  record Push(Provider provider, List<String> repositoryUrls, String ref, String after)
      implements HookEvent {}

  /**
   * A pull (merge) request was opened, updated or closed.
   *
   * @param ref the ref the host keeps for it: {@code refs/pull/N/head} or {@code
   *     refs/merge-requests/N/head}
   * @param action the host's word for what happened ({@code opened}, {@code synchronize}, {@code
   *     update}, {@code closed} …)
   * @param head the head commit
   */
  record PullRequest(
      Provider provider,
      List<String> repositoryUrls,
      String ref,
      int number,
      String action,
      String head)
      implements HookEvent {}
}
