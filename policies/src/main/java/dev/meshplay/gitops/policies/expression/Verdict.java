package dev.meshplay.gitops.policies.expression;

/** The outcome of one policy on one object. */
public sealed interface Verdict {

  /** The object complies. */
  record Pass() implements Verdict {}

  /** The object violates the policy; {@code message} is the finding's text. */
  record Violation(String message) implements Verdict {}

  /** The policy could not decide: an evaluation error, a non-boolean result, the cost limit. */
  record Failed(String error) implements Verdict {}
}
