package dev.meshplay.gitops.policies.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.meshplay.gitops.policies.Findings;
import dev.meshplay.gitops.policies.PolicyEngine;
import dev.meshplay.gitops.policies.policy.PolicySource;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SARIF log validates against the SARIF 2.1.0 JSON schema (rtm.5, the final 2.1.0 schema, as
 * shipped in the MIT-licensed npm package {@code @microsoft/jest-sarif}) and has what GitHub code
 * scanning needs: rules metadata, and results located by relative file and 1-based line.
 */
class SarifWriterTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void logOfFindingsSuppressionsAndLoadErrorsValidatesAgainstTheSarifSchema(@TempDir Path repo)
      throws Exception {
    Findings findings = findingsOverAShop(repo);
    String sarif = new SarifWriter("0.1.0").write(findings);

    Schema schema;
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
              .getSchema(in, InputFormat.JSON);
    }
    List<Error> errors = schema.validate(sarif, InputFormat.JSON);
    assertThat(errors).as(sarif).isEmpty();
  }

  @Test
  void everyResultNamesAKnownRuleAndARelativeFileAndLine(@TempDir Path repo) throws Exception {
    Findings findings = findingsOverAShop(repo);
    JsonNode run = JSON.readTree(new SarifWriter("0.1.0").write(findings)).get("runs").get(0);

    List<String> ruleIds = new ArrayList<>();
    run.get("tool")
        .get("driver")
        .get("rules")
        .forEach(
            r -> {
              ruleIds.add(r.get("id").asString());
              assertThat(r.get("shortDescription").get("text").asString()).isNotBlank();
              assertThat(r.get("helpUri").asString()).startsWith("https://");
            });
    assertThat(run.get("results").size()).isEqualTo(findings.findings().size()).isPositive();
    run.get("results")
        .forEach(
            result -> {
              assertThat(ruleIds.get(result.get("ruleIndex").asInt()))
                  .isEqualTo(result.get("ruleId").asString());
              assertThat(result.get("level").asString()).isIn("error", "warning");
              JsonNode physical = result.get("locations").get(0).get("physicalLocation");
              assertThat(physical.get("artifactLocation").get("uri").asString())
                  .startsWith("manifests/shop/")
                  .doesNotStartWith("/");
              assertThat(physical.get("region").get("startLine").asInt()).isPositive();
            });
    assertThat(run.get("results").valueStream().filter(r -> r.has("suppressions")).count())
        .isEqualTo(1);
    assertThat(
            run.get("invocations")
                .get(0)
                .get("toolExecutionNotifications")
                .get(0)
                .get("locations")
                .get(0)
                .get("physicalLocation")
                .get("artifactLocation")
                .get("uri")
                .asString())
        .isEqualTo("policies/broken.yaml");
  }

  /** A shop with a privileged pod (deny, disabled for the design) and a dangling Ingress (warn). */
  private static Findings findingsOverAShop(Path repo) throws Exception {
    Path shop = Files.createDirectories(repo.resolve("manifests/shop"));
    for (String fixture :
        List.of("container-privileged.fires.yaml", "ingress-backend-missing.fires.yaml")) {
      try (InputStream in = SarifWriterTest.class.getResourceAsStream("/rules/" + fixture)) {
        Files.copy(in, shop.resolve(fixture));
      }
    }
    var rendered = new RepositoryRenderer(KustomizeRunner.kubectl()).render(repo);
    List<PolicySource> sources = new ArrayList<>(PolicySource.builtInPack());
    sources.add(
        new PolicySource(
            "policies/broken.yaml",
            "apiVersion: policies.meshplay.dev/v1alpha1\nkind: Policy\nid: broken\nseverity: warn\nexpression: 'object.('\nmessage: m\n"));
    String settings =
        "spec:\n  policies:\n    disable:\n    - rule: container-privileged\n      reason: the test says so\n";
    return PolicyEngine.create(sources, "meshplay.yaml", settings, 100_000).evaluate(rendered);
  }
}
