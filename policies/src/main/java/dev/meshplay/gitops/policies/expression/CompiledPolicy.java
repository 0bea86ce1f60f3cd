package dev.meshplay.gitops.policies.expression;

import dev.cel.runtime.CelEvaluationException;
import dev.meshplay.gitops.policies.policy.Policy;
import java.util.Map;

/** A policy whose expressions compiled, ready to run against any number of objects. */
public final class CompiledPolicy {
  private final Policy policy;
  private final CelRuntimeProgram check;
  private final CelRuntimeProgram message;
  private final long costLimit;

  CompiledPolicy(
      Policy policy, CelRuntimeProgram check, CelRuntimeProgram message, long costLimit) {
    this.policy = policy;
    this.check = check;
    this.message = message;
    this.costLimit = costLimit;
  }

  public Policy policy() {
    return policy;
  }

  /**
   * @param variables {@code object}, {@code design} and {@code related}, already CEL values
   * @param template the static message with placeholders filled, used without a message expression
   */
  public Verdict evaluate(Map<String, ?> variables, String template) {
    try {
      Object outcome = check.run(variables, costLimit);
      if (!(outcome instanceof Boolean ok)) {
        return new Verdict.Failed("expression returned " + outcome + ", not a bool");
      }
      if (ok) {
        return new Verdict.Pass();
      }
      if (message == null) {
        return new Verdict.Violation(template);
      }
      Object text = message.run(variables, costLimit);
      return new Verdict.Violation(text instanceof String s && !s.isBlank() ? s : template);
    } catch (CelEvaluationException e) {
      return new Verdict.Failed(reason(e));
    } catch (CostLimit.Exceeded e) {
      return new Verdict.Failed(e.getMessage());
    }
  }

  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CostLimit.Exceeded) {
        return t.getMessage();
      }
    }
    return e.getMessage();
  }
}
