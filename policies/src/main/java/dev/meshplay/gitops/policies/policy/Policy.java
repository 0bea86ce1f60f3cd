package dev.meshplay.gitops.policies.policy;

import dev.meshplay.gitops.policies.Enforcement;
import dev.meshplay.gitops.policies.PolicyRule;
import dev.meshplay.gitops.render.Provenance;

/**
 * One policy as written in a YAML file, before its expressions are compiled.
 *
 * @param expression CEL that is {@code true} when the object complies (the sense of Kubernetes
 *     ValidatingAdmissionPolicy); variables {@code object}, {@code design}, {@code related}
 * @param message the finding's text; {@code {{object}}}, {@code {{kind}}}, {@code {{name}}}, {@code
 *     {{namespace}}} and {@code {{design}}} are filled in
 * @param messageExpression optional CEL returning the message, for details such as container names
 * @param expressionLine the file line where the expression text starts, to place CEL errors
 */
public record Policy(
    String id,
    String title,
    String description,
    Enforcement severity,
    Match match,
    String expression,
    int expressionLine,
    String message,
    String messageExpression,
    int messageExpressionLine,
    String reference,
    Provenance source) {

  public PolicyRule rule() {
    return new PolicyRule(id, title, description, severity, reference, source);
  }
}
