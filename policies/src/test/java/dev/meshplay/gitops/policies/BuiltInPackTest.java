package dev.meshplay.gitops.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the built-in pack fires on its {@code rules/ID.fires.yaml} and stays quiet on the
 * compliant {@code rules/ID.quiet.yaml}.
 */
class BuiltInPackTest {
  /** Needs declared relationships as input; DeclaredRelationshipTest covers it. */
  private static final String DECLARED = "declared-relationship-holds";

  private static PolicyEngine engine;

  @BeforeAll
  static void loadPack() {
    engine = PolicyEngine.builtIn();
  }

  static Stream<String> ruleIds() {
    return PolicyEngine.builtIn().rules().stream()
        .map(PolicyRule::id)
        .filter(id -> !id.equals(DECLARED));
  }

  @Test
  void packLoadsWithoutDiagnosticsAndHasAtLeastFifteenRules() {
    assertThat(engine.diagnostics()).isEmpty();
    assertThat(engine.rules()).hasSizeGreaterThanOrEqualTo(15);
    assertThat(engine.rules()).allSatisfy(r -> assertThat(r.reference()).startsWith("https://"));
  }

  @ParameterizedTest(name = "{0} fires")
  @MethodSource("ruleIds")
  void ruleFiresOnItsViolatingFixture(String id) {
    Findings findings = evaluate(id + ".fires.yaml");
    assertThat(findings.findings())
        .as(findings.toString())
        .anySatisfy(
            f -> {
              assertThat(f.ruleId()).isEqualTo(id);
              assertThat(f.location().file()).isEqualTo("rules/" + id + ".fires.yaml");
              assertThat(f.location().line()).isPositive();
              assertThat(f.message()).isNotBlank();
            });
    assertThat(findings.diagnostics()).isEmpty();
  }

  @ParameterizedTest(name = "{0} stays quiet")
  @MethodSource("ruleIds")
  void ruleStaysQuietOnItsCompliantFixture(String id) {
    Findings findings = evaluate(id + ".quiet.yaml");
    assertThat(findings.findings()).extracting(Finding::ruleId).doesNotContain(id);
    assertThat(findings.diagnostics()).isEmpty();
  }

  private static Findings evaluate(String fixture) {
    String file = "rules/" + fixture;
    List<dev.meshplay.gitops.render.RenderedObject> objects =
        Fixtures.objects(file, Fixtures.resource(file));
    assertThat(objects).isNotEmpty();
    return engine.evaluate(Fixtures.design("manifests/shop", objects));
  }
}
