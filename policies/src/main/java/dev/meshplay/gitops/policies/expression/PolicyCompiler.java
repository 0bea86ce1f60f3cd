package dev.meshplay.gitops.policies.expression;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.meshplay.gitops.policies.policy.Policy;
import dev.meshplay.gitops.render.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles and type-checks policy expressions once, at load. The environment declares {@code
 * object}, {@code design}, {@code related} and {@code podSpec} (the pod spec of a workload of any
 * kind, empty for other kinds) as maps of string to dynamic values, with the standard macros
 * ({@code has}, {@code all}, {@code exists}, {@code filter}, {@code map}) and the strings
 * extension.
 */
public final class PolicyCompiler {
  /** Steps one expression may take on one object before it is stopped. */
  public static final long DEFAULT_COST_LIMIT = 100_000;

  private final Cel cel;
  private final long costLimit;

  public PolicyCompiler(long costLimit) {
    this.costLimit = costLimit;
    var dynMap = MapType.create(SimpleType.STRING, SimpleType.DYN);
    this.cel =
        CelFactory.standardCelBuilder()
            // cel-java's own iteration budget is a backstop; the step count of CostLimit is the
            // real limit, since every iteration costs at least one step.
            .setOptions(
                CelOptions.current()
                    .comprehensionMaxIterations((int) Math.min(costLimit, Integer.MAX_VALUE))
                    .build())
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(CelExtensions.strings())
            .addRuntimeLibraries(CelExtensions.strings())
            .addVar("object", dynMap)
            .addVar("design", dynMap)
            .addVar("related", dynMap)
            .addVar("podSpec", dynMap)
            .build();
  }

  /** The compiled policy, or the reasons it does not compile, each at its file:line. */
  public sealed interface Result {
    record Compiled(CompiledPolicy policy) implements Result {}

    record Rejected(List<Diagnostic> diagnostics) implements Result {}
  }

  public Result compile(Policy policy) {
    List<Diagnostic> problems = new ArrayList<>();
    var check =
        program(policy, policy.expression(), policy.expressionLine(), CelKind.BOOL, problems);
    CelRuntimeProgram message = null;
    if (policy.messageExpression() != null) {
      message =
          program(
              policy,
              policy.messageExpression(),
              policy.messageExpressionLine(),
              CelKind.STRING,
              problems);
    }
    if (!problems.isEmpty()) {
      return new Result.Rejected(problems);
    }
    return new Result.Compiled(new CompiledPolicy(policy, check, message, costLimit));
  }

  private CelRuntimeProgram program(
      Policy policy, String text, int firstLine, CelKind expected, List<Diagnostic> problems) {
    String file = policy.source().file();
    String where = "policy '" + policy.id() + "': ";
    CelValidationResult result = cel.compile(text);
    if (result.hasError()) {
      for (CelIssue issue : result.getErrors()) {
        int line = firstLine + Math.max(issue.getSourceLocation().getLine(), 1) - 1;
        int column = Math.max(issue.getSourceLocation().getColumn(), 0) + 1;
        problems.add(Diagnostic.error(file, line, column, where + issue.getMessage()));
      }
      return null;
    }
    try {
      CelAbstractSyntaxTree ast = result.getAst();
      CelKind kind = ast.getResultType().kind();
      if (kind != expected && kind != CelKind.DYN) {
        problems.add(
            Diagnostic.error(
                file,
                firstLine,
                1,
                where
                    + "expression must return "
                    + expected.name().toLowerCase(java.util.Locale.ROOT)
                    + ", but returns "
                    + ast.getResultType().name()));
        return null;
      }
      return new CelRuntimeProgram(cel.createProgram(ast));
    } catch (CelValidationException | CelEvaluationException e) {
      problems.add(Diagnostic.error(file, firstLine, 1, where + e.getMessage()));
      return null;
    }
  }
}
