package dev.meshplay.gitops.policies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;
import dev.meshplay.gitops.render.RenderedSet;
import dev.meshplay.gitops.render.RepositoryRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The examples repository validates with findings located by file:line, nothing in it is denied (so
 * the demo applies), and the relationships webapp.yaml declares hold while a false one is a
 * finding.
 */
class ExamplesRepositoryTest {
  private static final Path EXAMPLES = Path.of("..", "examples-repo");
  private static final String WEBAPP = "designs/webapp.yaml";
  private static RenderedSet rendered;
  private static PolicyEngine engine;

  @BeforeAll
  static void render() {
    rendered = new RepositoryRenderer(KustomizeRunner.kubectl()).render(EXAMPLES);
    engine = PolicyEngine.forRepository(EXAMPLES);
  }

  @Test
  void examplesRepositoryHasWarningsWithFileAndLineButNothingDenied() {
    Findings findings = engine.evaluate(rendered);

    assertThat(engine.diagnostics()).isEmpty();
    assertThat(findings.blockedDesigns()).isEmpty();
    assertThat(findings.findings())
        .isNotEmpty()
        .allSatisfy(
            f -> {
              assertThat(f.location().file()).startsWith("designs/").doesNotStartWith("/");
              assertThat(f.location().line()).isPositive();
            });
    // kustomize output is located at the overlay; the guestbook has no liveness probe.
    assertThat(findings.findings())
        .extracting(Finding::toString)
        .anySatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "designs/guestbook/overlays/demo/kustomization.yaml:\\d+: warn\\[container-liveness-probe\\]: Deployment/guestbook/guestbook-frontend: .*php-redis"));
    assertThat(findings.forDesign("designs/legacy-cache.yaml"))
        .extracting(Finding::ruleId)
        .contains("single-replica-without-pdb");
  }

  @Test
  void relationshipsDeclaredInTheWebappDesignHoldAndAFalseOneIsAFinding() {
    ObjectRef ns = new ObjectRef("v1", "Namespace", null, "webapp");
    ObjectRef config = new ObjectRef("v1", "ConfigMap", "webapp", "webapp-config");
    ObjectRef deployment = new ObjectRef("apps/v1", "Deployment", "webapp", "webapp");
    ObjectRef service = new ObjectRef("v1", "Service", "webapp", "webapp");
    Provenance at = new Provenance(WEBAPP, 400);
    List<DeclaredRelationship> declared =
        new ArrayList<>(
            List.of(
                new DeclaredRelationship("hierarchical", "parent", "inventory", config, ns, at),
                new DeclaredRelationship("hierarchical", "parent", "inventory", deployment, ns, at),
                new DeclaredRelationship("hierarchical", "parent", "inventory", service, ns, at),
                new DeclaredRelationship("edge", "non-binding", "network", service, deployment, at),
                new DeclaredRelationship(
                    "edge", "non-binding", "reference", config, deployment, at)));

    assertThat(engine.evaluate(rendered, Map.of(WEBAPP, declared)).findings())
        .extracting(Finding::ruleId)
        .doesNotContain("declared-relationship-holds");

    declared.add(new DeclaredRelationship("edge", "binding", "mount", config, service, at));
    Findings findings = engine.evaluate(rendered, Map.of(WEBAPP, declared));
    assertThat(findings.findings())
        .filteredOn(f -> f.ruleId().equals("declared-relationship-holds"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.object()).isEqualTo(config);
              assertThat(f.message())
                  .isEqualTo("declared but not true: edge/binding/mount to Service/webapp/webapp");
            });
  }

  @Test
  void theRelationshipsADesignDeclaresAreReadFromTheRenderedDesignAndHold() {
    Map<String, List<DeclaredRelationship>> declared = DeclaredRelationship.of(rendered);

    assertThat(declared.get(WEBAPP)).hasSizeGreaterThanOrEqualTo(4);
    assertThat(declared.get(WEBAPP))
        .extracting(DeclaredRelationship::vocabulary)
        .contains("hierarchical/parent/inventory", "edge/non-binding/network");
    assertThat(engine.evaluate(rendered).findings())
        .extracting(Finding::ruleId)
        .doesNotContain("declared-relationship-holds");
  }
}
