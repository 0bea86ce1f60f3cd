package dev.meshplay.gitops.policies.policy;

import dev.meshplay.gitops.render.Provenance;

/**
 * A rule turned off in {@code meshplay.yaml}, for one design or for all of them, with the reason
 * shown next to every finding it silences.
 *
 * @param design a design key ({@code designs/webapp.yaml}) or name, or null for every design
 */
public record RuleDisable(String rule, String design, String reason, Provenance source) {

  public boolean covers(String ruleId, String designKey, String designName) {
    return rule.equals(ruleId)
        && (design == null || design.equals(designKey) || design.equals(designName));
  }
}
