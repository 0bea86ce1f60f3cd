package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.policies.Finding;
import dev.meshplay.gitops.policies.Findings;
import dev.meshplay.gitops.reconciler.settings.RepositorySettings;
import dev.meshplay.gitops.render.RenderedDesign;

/** Why the loop would hold a design (apply and prune nothing of it), in the loop's own order. */
final class HeldReasons {
  private HeldReasons() {}

  static String of(RenderedDesign design, RepositorySettings settings, Findings findings) {
    if (design.failed()) {
      return "render failed";
    }
    if (settings.forDesign(design.key()).suspend()) {
      return "suspended in meshplay.yaml";
    }
    if (findings.blocks(design.key())) {
      String rules =
          String.join(
              ", ",
              findings.forDesign(design.key()).stream()
                  .filter(Finding::blocks)
                  .map(Finding::ruleId)
                  .distinct()
                  .toList());
      return "denied by policy: " + rules;
    }
    return null;
  }
}
