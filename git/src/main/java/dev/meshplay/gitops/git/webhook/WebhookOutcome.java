package dev.meshplay.gitops.git.webhook;

import java.util.List;

/**
 * What to do with one webhook request. The HTTP route maps these to answers: {@link Poll} and
 * {@link Ignored} to 202, {@link Rejected} to 401, {@link Malformed} to 400.
 */
public sealed interface WebhookOutcome {

  /** Poll these sources now (names in configuration order); the event says why. */
  record Poll(List<String> sources, HookEvent event) implements WebhookOutcome {}

  /** A genuine request that calls for nothing (a ping, a tag, an untracked branch or repo). */
  record Ignored(String why) implements WebhookOutcome {}

  /** The signature or token is missing or wrong for every source it could concern. */
  record Rejected(String why) implements WebhookOutcome {}

  /** Not a webhook this module understands: no event header, or a body that does not parse. */
  record Malformed(String why) implements WebhookOutcome {}
}
