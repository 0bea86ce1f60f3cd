package dev.meshplay.gitops.reconciler.prplan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.policies.Enforcement;
import dev.meshplay.gitops.policies.Finding;
import dev.meshplay.gitops.policies.Findings;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

  @Test
  void summaryTableCountsEachDesignAndClusterWithFindingsBySeverity() {
    String md = MarkdownReport.render(plan(1, 2), MarkdownReport.Options.defaults());

    assertThat(md)
        .startsWith(MarkdownReport.MARKER)
        .contains("| `designs/d0.yaml` | prod | 1 | 1 | 0 | 0 | 1 | 1 | ok |")
        .contains("**failed: 1 design(s) blocked; 1 to create, 1 to update, 0 to prune**");
  }

  @Test
  void detailsShowFieldDiffsAndFindingsWithFileLineLinks() {
    String md =
        MarkdownReport.render(
            plan(1, 2),
            new MarkdownReport.Options(10_000, "https://github.com/o/r/blob/abc/", null));

    assertThat(md)
        .contains("<details><summary><code>designs/d0.yaml</code> → prod")
        .contains("!     .spec.replicas: 2 → 3")
        .contains("[`designs/d0.yaml:7`](https://github.com/o/r/blob/abc/designs/d0.yaml#L7)")
        .contains("⛔ deny `container-privileged`");
  }

  @Test
  void aLongPlanIsCutWithinTheLimitKeepingTheTableAndSayingWhereTheRestIs() {
    PullRequestPlan plan = plan(40, 60);

    String md =
        MarkdownReport.render(
            plan, new MarkdownReport.Options(8_000, null, "http://status.example/prs/7"));

    assertThat(md.length()).isLessThanOrEqualTo(8_000);
    assertThat(md).contains("| `designs/d39.yaml` | prod |");
    assertThat(md).contains("**Truncated:**").contains("http://status.example/prs/7");
  }

  @Test
  void theGithubLimitHoldsForAHugePlan() {
    String md = MarkdownReport.render(plan(60, 400), MarkdownReport.Options.defaults());

    assertThat(md.length()).isLessThanOrEqualTo(MarkdownReport.GITHUB_COMMENT_LIMIT);
  }

  private static PullRequestPlan plan(int designs, int updatesPerDesign) {
    List<DesignPlan> plans = new ArrayList<>();
    List<Finding> all = new ArrayList<>();
    for (int d = 0; d < designs; d++) {
      String key = "designs/d" + d + ".yaml";
      List<ObjectChange> changes = new ArrayList<>();
      changes.add(
          new ObjectChange(
              new ObjectRef("v1", "ConfigMap", "ns", "new-" + d),
              Action.CREATE,
              new Provenance(key, 1),
              List.of(),
              null));
      for (int u = 1; u < updatesPerDesign; u++) {
        changes.add(
            new ObjectChange(
                new ObjectRef("apps/v1", "Deployment", "ns", "app-" + u),
                Action.UPDATE,
                new Provenance(key, 7),
                List.of(new FieldDiff(".spec.replicas", "2", "3")),
                null));
      }
      List<Finding> findings =
          List.of(
              finding("container-privileged", Enforcement.DENY, key),
              finding("image-tag-pinned", Enforcement.WARN, key));
      all.addAll(findings);
      plans.add(new DesignPlan(key, "prod", changes, List.of(), findings, null));
    }
    return new PullRequestPlan(
        "shop",
        "7",
        "refs/pull/7/head",
        "0123456789abcdef0123456789abcdef01234567",
        null,
        Instant.EPOCH,
        false,
        null,
        null,
        plans,
        List.of(),
        new Findings(all, List.of(), List.of()));
  }

  private static Finding finding(String rule, Enforcement severity, String design) {
    return new Finding(
        rule,
        severity,
        design,
        new ObjectRef("apps/v1", "Deployment", "ns", "app-1"),
        new Provenance(design, 7),
        "a container runs privileged",
        null,
        null);
  }
}
