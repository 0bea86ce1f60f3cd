package dev.meshplay.gitops.policies.expression;

import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.CelEvaluationListener;

/**
 * Counts the sub-expressions one evaluation visits and stops it past a budget. cel-java has no
 * runtime cost tracker like cel-go's, so the number of evaluated nodes stands in for cost: it grows
 * with every comprehension step, which is where runaway expressions spend their time.
 */
final class CostLimit implements CelEvaluationListener {
  private final long budget;
  private long spent;

  CostLimit(long budget) {
    this.budget = budget;
  }

  @Override
  public void callback(CelExpr expr, Object result) {
    if (++spent > budget) {
      throw new Exceeded(budget);
    }
  }

  long spent() {
    return spent;
  }

  /** Thrown out of the evaluation to stop it. */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exceeded(long budget) {
      super("cost limit of " + budget + " evaluation steps exceeded", null, false, false);
    }
  }
}
