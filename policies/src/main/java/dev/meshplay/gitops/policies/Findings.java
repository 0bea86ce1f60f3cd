package dev.meshplay.gitops.policies;

import dev.meshplay.gitops.render.Diagnostic;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything one evaluation found: findings sorted by file and line, and diagnostics about the
 * policies themselves (a rule that does not compile, a rule that failed on an object, a bad {@code
 * meshplay.yaml} entry). A broken rule never hides the findings of the others.
 *
 * @param rules every rule that was in force, for reports that describe rules (SARIF)
 */
public record Findings(
    List<Finding> findings, List<Diagnostic> diagnostics, List<PolicyRule> rules) {

  public Findings {
    findings = List.copyOf(findings);
    diagnostics = List.copyOf(diagnostics);
    rules = List.copyOf(rules);
  }

  /** Findings in force for one design (disabled ones left out). */
  public List<Finding> forDesign(String designKey) {
    return findings.stream().filter(f -> f.active() && f.design().equals(designKey)).toList();
  }

  /** Whether a deny finding in force stops this design from being applied. */
  public boolean blocks(String designKey) {
    return findings.stream().anyMatch(f -> f.blocks() && f.design().equals(designKey));
  }

  /** The keys of every design that must not be applied. */
  public Set<String> blockedDesigns() {
    Set<String> keys = new TreeSet<>();
    findings.stream().filter(Finding::blocks).forEach(f -> keys.add(f.design()));
    return keys;
  }

  public long count(Enforcement severity) {
    return findings.stream().filter(f -> f.active() && f.severity() == severity).count();
  }
}
