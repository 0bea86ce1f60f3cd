package dev.meshplay.gitops.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.policies.policy.PolicySource;
import dev.meshplay.gitops.render.Diagnostic;
import dev.meshplay.gitops.render.RenderedSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Broken policies are reported with file:line and never stop the others; repository policies
 * override the pack by id; {@code meshplay.yaml} disables a rule per design only with a reason.
 */
class PolicyLoadingTest {
  private static final String HEADER = "apiVersion: policies.meshplay.dev/v1alpha1\nkind: Policy\n";
  private static final RenderedSet LATEST =
      Fixtures.design(
          "manifests/shop",
          Fixtures.objects(
              "rules/image-latest-tag.fires.yaml",
              Fixtures.resource("rules/image-latest-tag.fires.yaml")));

  private static PolicyEngine engine(String file, String text, String settings) {
    List<PolicySource> sources = new ArrayList<>(PolicySource.builtInPack());
    sources.add(new PolicySource(file, text));
    return PolicyEngine.create(sources, "meshplay.yaml", settings, 100_000);
  }

  private static String policy(String id, String expression) {
    return HEADER
        + "id: "
        + id
        + "\nseverity: deny\nmatch:\n  kinds: [Deployment]\nexpression: "
        + expression
        + "\nmessage: '{{object}} broke "
        + id
        + "'\n";
  }

  @Test
  void syntaxErrorIsReportedAtItsFileAndLineAndOtherPoliciesStillRun() {
    PolicyEngine engine =
        engine("policies/broken.yaml", "# comment\n" + policy("broken", "object.spec.(("), null);

    assertThat(engine.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.isError()).isTrue();
              assertThat(d.file()).isEqualTo("policies/broken.yaml");
              assertThat(d.line()).isEqualTo(8);
              assertThat(d.message()).contains("policy 'broken'");
            });
    assertThat(engine.rules()).extracting(PolicyRule::id).doesNotContain("broken");
    Findings findings = engine.evaluate(LATEST);
    assertThat(findings.findings()).extracting(Finding::ruleId).contains("image-latest-tag");
    assertThat(findings.diagnostics()).hasSize(1);
  }

  @Test
  void typeErrorIsReportedAtLoad() {
    PolicyEngine engine =
        engine(
            "policies/typed.yaml", policy("typed", "object.metadata.name.size() > 'three'"), null);
    assertThat(engine.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(7);
              assertThat(d.message()).contains("found no matching overload");
            });
  }

  @Test
  void nonBooleanExpressionIsRejectedAtLoad() {
    PolicyEngine engine = engine("policies/sum.yaml", policy("sum", "1 + 2"), null);
    assertThat(engine.diagnostics())
        .singleElement()
        .extracting(Diagnostic::message)
        .asString()
        .contains("must return bool");
  }

  @Test
  void runawayExpressionHitsTheCostLimitAndOtherPoliciesStillRun() {
    String range = "[" + "0,".repeat(99) + "0]";
    String runaway =
        "\"" + range + ".all(a, " + range + ".all(b, " + range + ".all(c, a == b || b != c)))\"";
    PolicyEngine engine = engine("policies/runaway.yaml", policy("runaway", runaway), null);
    assertThat(engine.diagnostics()).isEmpty();

    long start = System.nanoTime();
    Findings findings = engine.evaluate(LATEST);
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);

    assertThat(findings.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.file()).isEqualTo("policies/runaway.yaml");
              assertThat(d.message()).contains("runaway", "cost limit", "Deployment/shop/web");
            });
    assertThat(findings.findings())
        .extracting(Finding::ruleId)
        .contains("image-latest-tag")
        .doesNotContain("runaway");
  }

  @Test
  void unknownFieldsAndBadSeverityAreErrorsWithLines() {
    String text = HEADER + "id: typo\nseverity: block\nexpresion: 'true'\nmessage: m\n";
    PolicyEngine engine = engine("policies/typo.yaml", text, null);
    assertThat(engine.diagnostics()).extracting(Diagnostic::line).contains(4, 5);
    assertThat(engine.diagnostics())
        .extracting(Diagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("unknown field 'expresion'"));
  }

  @Test
  void repositoryPolicyOverridesTheBuiltInRuleWithTheSameId() {
    String stricter =
        HEADER
            + "id: image-latest-tag\nseverity: deny\nmatch:\n  kinds: [Deployment]\n"
            + "expression: \"!object.spec.template.spec.containers.exists(c, c.image.endsWith(':latest'))\"\n"
            + "message: latest is forbidden here\n";
    Findings findings = engine("policies/images.yaml", stricter, null).evaluate(LATEST);
    assertThat(findings.findings())
        .filteredOn(f -> f.ruleId().equals("image-latest-tag"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Enforcement.DENY);
              assertThat(f.message()).isEqualTo("latest is forbidden here");
            });
    assertThat(findings.blocks("manifests/shop")).isTrue();
  }

  @Test
  void brokenOverrideKeepsTheBuiltInRuleInForce() {
    PolicyEngine engine =
        engine("policies/images.yaml", policy("image-latest-tag", "object.("), null);
    assertThat(engine.diagnostics()).hasSize(1);
    assertThat(engine.evaluate(LATEST).findings())
        .filteredOn(f -> f.ruleId().equals("image-latest-tag"))
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Enforcement.WARN);
  }

  @Test
  void meshplayYamlDisablesARuleForOneDesignWithTheReasonShown() {
    String settings =
        """
        spec:
          policies:
            disable:
            - rule: container-privileged
              design: manifests/shop
              reason: The node agent needs the host's devices.
            - rule: pod-host-network
              design: manifests/shop
        """;
    RenderedSet privileged =
        Fixtures.design(
            "manifests/shop",
            Fixtures.objects("p.yaml", Fixtures.resource("rules/container-privileged.fires.yaml")));
    PolicyEngine engine = engine("policies/none.yaml", "", settings);

    assertThat(engine.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.file()).isEqualTo("meshplay.yaml");
              assertThat(d.line()).isEqualTo(7);
              assertThat(d.message()).contains("needs a 'reason'");
            });
    Findings findings = engine.evaluate(privileged);
    Finding disabled =
        findings.findings().stream()
            .filter(f -> f.ruleId().equals("container-privileged"))
            .findFirst()
            .orElseThrow();
    assertThat(disabled.active()).isFalse();
    assertThat(disabled.toString())
        .contains("(disabled: The node agent needs the host's devices.)");
    assertThat(findings.blocks("manifests/shop")).isFalse();
    assertThat(findings.forDesign("manifests/shop"))
        .extracting(Finding::ruleId)
        .doesNotContain("container-privileged");
  }

  @Test
  void denyFindingBlocksOnlyItsOwnDesign() {
    var bad = Fixtures.objects("a.yaml", Fixtures.resource("rules/pod-host-pid.fires.yaml"));
    var good =
        Fixtures.objects(
            "b.yaml",
            Fixtures.resource("rules/pod-host-pid.quiet.yaml")
                .replace("namespace: shop", "namespace: other"));
    RenderedSet set =
        new RenderedSet(
            List.of(
                Fixtures.design("manifests/a", bad).designs().getFirst(),
                Fixtures.design("manifests/b", good).designs().getFirst()));
    Findings findings = PolicyEngine.builtIn().evaluate(set);
    assertThat(findings.blockedDesigns()).containsExactly("manifests/a");
    assertThat(findings.count(Enforcement.DENY)).isEqualTo(1);
  }
}
