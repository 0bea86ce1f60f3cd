package dev.meshplay.gitops.render.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ModelRegistryTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  @TempDir Path dir;

  @Test
  void builtInModelCoversTheCoreGroupsWithTheirScope() {
    ModelRegistry registry = ModelRegistry.kubernetes();

    for (String key :
        List.of(
            "apps/v1/Deployment",
            "v1/ConfigMap",
            "v1/Namespace",
            "batch/v1/CronJob",
            "networking.k8s.io/v1/Ingress",
            "rbac.authorization.k8s.io/v1/ClusterRole",
            "autoscaling/v2/HorizontalPodAutoscaler",
            "policy/v1/PodDisruptionBudget")) {
      int slash = key.lastIndexOf('/');
      assertThat(registry.component(key.substring(0, slash), key.substring(slash + 1)))
          .as(key)
          .isPresent();
    }
    assertThat(registry.component("v1", "Namespace").orElseThrow().namespaced()).isFalse();
    assertThat(registry.component("apps/v1", "Deployment").orElseThrow().namespaced()).isTrue();
    assertThat(registry.component("v1", "ConfigMap").orElseThrow().source())
        .contains("io.fabric8:kubernetes-model-validator:");
  }

  @Test
  void builtInSchemasAreCompiledOnceAndAcceptIntOrString() {
    ModelRegistry registry = ModelRegistry.kubernetes();
    ComponentDefinition service = registry.component("v1", "Service").orElseThrow();
    var body =
        JSON.valueToTree(
            Map.of(
                "metadata",
                Map.of("name", "web"),
                "spec",
                Map.of("ports", List.of(Map.of("port", 80, "targetPort", "http")))));
    var numeric =
        JSON.valueToTree(
            Map.of("spec", Map.of("ports", List.of(Map.of("port", 80, "targetPort", 8080)))));

    assertThat(registry.validate(service, body, false)).isEmpty();
    assertThat(registry.validate(service, numeric, false)).isEmpty();
  }

  @Test
  void laterSourcesReplaceEarlierDefinitionsOfTheSameKind() {
    var schema = JSON.createObjectNode().put("type", "object");
    var replacement = new ComponentDefinition("mine", "v1", "ConfigMap", false, schema, "test");

    ModelRegistry merged = ModelRegistry.kubernetes().with(List.of(replacement), List.of());

    assertThat(merged.component("v1", "ConfigMap")).contains(replacement);
    assertThat(ModelRegistry.kubernetes().component("v1", "ConfigMap").orElseThrow().model())
        .isEqualTo("kubernetes");
  }

  @Test
  void crdAddsOneDefinitionPerVersionWithItsScope() {
    Map<String, Object> crd =
        Map.of(
            "spec",
            Map.of(
                "group",
                "example.com",
                "scope",
                "Cluster",
                "names",
                Map.of("kind", "Widget"),
                "versions",
                List.of(
                    Map.of("name", "v1", "schema", Map.of("openAPIV3Schema", Map.of())),
                    Map.of("name", "v2"))));

    List<ComponentDefinition> definitions = CrdModels.definitions(crd, "crd.yaml:1");

    assertThat(definitions)
        .extracting(ComponentDefinition::key)
        .containsExactly("example.com/v1/Widget", "example.com/v2/Widget");
    assertThat(definitions).allMatch(d -> !d.namespaced());
  }

  @Test
  void mesheryRegistryDirectoryAddsComponentsAndRelationships() throws Exception {
    Path version = dir.resolve("istio-base/1.22.0/v1.0.0");
    Files.createDirectories(version.resolve("components"));
    Files.createDirectories(version.resolve("relationships"));
    Files.writeString(version.resolve("model.json"), "{\"name\": \"istio-base\"}");
    Files.writeString(
        version.resolve("components/EnvoyFilter.json"),
        """
        {"component": {"kind": "EnvoyFilter", "version": "networking.istio.io/v1alpha3",
          "schema": "{\\"type\\": \\"object\\", \\"properties\\": {\\"spec\\": {\\"type\\": \\"object\\"}}}"},
         "metadata": {"isNamespaced": true}, "model": {"name": "istio-base"}}
        """);
    Files.writeString(
        version.resolve("relationships/hierarchical-parent-wallet.json"),
        """
        {"kind": "hierarchical", "type": "parent", "subType": "wallet", "model": {"name": "istio-base"},
         "selectors": [{"allow": {"from": [{"kind": "WASMFilter"}], "to": [{"kind": "EnvoyFilter"}]}}]}
        """);
    Files.writeString(version.resolve("components/Broken.json"), "{\"component\": {}}");

    var contents = MesheryRegistryDirectory.read(dir);

    assertThat(contents.components())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.key()).isEqualTo("networking.istio.io/v1alpha3/EnvoyFilter");
              assertThat(c.model()).isEqualTo("istio-base");
              assertThat(c.schema().path("properties").has("apiVersion")).isTrue();
            });
    assertThat(contents.relationships())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind() + "/" + r.type() + "/" + r.subType())
                  .isEqualTo("hierarchical/parent/wallet");
              assertThat(r.fromKind()).isEqualTo("WASMFilter");
              assertThat(r.toKind()).isEqualTo("EnvoyFilter");
            });
    assertThat(contents.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("component.kind is required"));
  }
}
