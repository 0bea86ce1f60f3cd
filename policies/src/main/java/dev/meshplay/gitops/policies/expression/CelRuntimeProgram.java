package dev.meshplay.gitops.policies.expression;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/** A compiled CEL program run under a cost limit. */
final class CelRuntimeProgram {
  private final CelRuntime.Program program;

  CelRuntimeProgram(CelRuntime.Program program) {
    this.program = program;
  }

  /**
   * @throws CelEvaluationException when evaluation fails
   * @throws CostLimit.Exceeded when the budget runs out
   */
  Object run(Map<String, ?> variables, long costLimit) throws CelEvaluationException {
    return program.trace(variables, new CostLimit(costLimit));
  }
}
