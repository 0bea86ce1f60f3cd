package dev.meshplay.gitops.policies;

import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;

/**
 * One rule violated by one object.
 *
 * @param design the key of the design the object belongs to (see {@code RenderedDesign.key})
 * @param location the file:line the object was declared at
 * @param reference a URL explaining the rule, or null
 * @param disabledBecause the reason given in {@code meshplay.yaml} for disabling this rule on this
 *     design, or null when the finding is in force
 */
public record Finding(
    String ruleId,
    Enforcement severity,
    String design,
    ObjectRef object,
    Provenance location,
    String message,
    String reference,
    String disabledBecause) {

  /** A finding in force (not disabled); only these count towards blocking. */
  public boolean active() {
    return disabledBecause == null;
  }

  /** Whether this finding stops its design from being applied. */
  public boolean blocks() {
    return active() && severity == Enforcement.DENY;
  }

  Finding disabled(String reason) {
    return new Finding(ruleId, severity, design, object, location, message, reference, reason);
  }

  /** {@code file:line: deny[rule]: Kind/ns/name: message}, the line the CLI prints. */
  @Override
  public String toString() {
    String text =
        location + ": " + severity.word() + "[" + ruleId + "]: " + object + ": " + message;
    return active() ? text : text + " (disabled: " + disabledBecause + ")";
  }
}
