package dev.meshplay.gitops.render;

import static dev.meshplay.gitops.render.TestRepository.design;
import static dev.meshplay.gitops.render.TestRepository.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MesheryDesignRenderingTest {
  @TempDir Path dir;

  @Test
  void rendersTheMesheryCorpusDesignWithComponentLines() {
    Path corpus = TestRepository.CORPUS.resolve("valid_design.yml");
    assumeThat(Files.exists(corpus)).as("shared corpus present").isTrue();

    RenderedSet set = TestRepository.in(dir).copy(corpus, "designs/valid_design.yml").render();

    RenderedDesign design = design(set, "designs/valid_design.yml");
    assertThat(design.failed()).as("%s", design.diagnostics()).isFalse();
    assertThat(design.name()).isEqualTo("Valid Design");
    assertThat(design.format()).isEqualTo(DesignFormat.MESHERY_DESIGN);
    assertThat(design.relationships()).isEqualTo(1);
    assertThat(design.objects())
        .extracting(o -> o.ref().toString())
        .containsExactly("ConfigMap/default/config-map-jp", "Namespace/default");
    RenderedObject namespace = object(design, "Namespace", "default");
    assertThat(namespace.ref().namespace()).isNull();
    assertThat(namespace.provenance()).hasToString("designs/valid_design.yml:86");
    assertThat(namespace.body())
        .isEqualTo(
            Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "default")));
    RenderedObject configMap = object(design, "ConfigMap", "config-map-jp");
    assertThat(configMap.provenance()).hasToString("designs/valid_design.yml:3");
    assertThat(configMap.body())
        .containsEntry("apiVersion", "v1")
        .containsEntry("metadata", Map.of("name", "config-map-jp", "namespace", "default"));
  }

  @Test
  void skipsAnnotationAndIgnoredComponents() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/app.yaml",
                """
                name: app
                schemaVersion: designs.meshery.io/v1beta1
                components:
                - displayName: note
                  component: {kind: Comment, version: core.meshery.io/v1alpha1}
                  metadata: {isAnnotation: true}
                - displayName: old
                  status: ignored
                  component: {kind: ConfigMap, version: v1}
                - displayName: kept
                  component: {kind: ConfigMap, version: v1}
                """)
            .render();

    assertThat(design(set, "designs/app.yaml").objects())
        .extracting(o -> o.ref().toString())
        .containsExactly("ConfigMap/default/kept");
  }

  @Test
  void acceptsSnakeCaseAndV1beta3() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/snake.yaml",
                """
                name: snake
                schema_version: designs.meshery.io/v1beta3
                components:
                - display_name: web
                  component: {kind: Deployment, version: apps/v1}
                  metadata: {is_namespaced: "true", is_annotation: "false"}
                  configuration:
                    metadata: {namespace: shop, labels: {app: web}, annotations: {a: b}}
                    spec: {replicas: 2}
                - display_name: note
                  component: {kind: Comment, version: v1}
                  metadata: {is_annotation: true}
                """)
            .render();

    RenderedDesign design = design(set, "designs/snake.yaml");
    assertThat(design.objects()).hasSize(1);
    RenderedObject web = design.objects().getFirst();
    assertThat(web.ref()).hasToString("Deployment/shop/web");
    assertThat(web.body())
        .containsEntry(
            "metadata",
            Map.of(
                "name",
                "web",
                "namespace",
                "shop",
                "labels",
                Map.of("app", "web"),
                "annotations",
                Map.of("a", "b")))
        .containsEntry("spec", Map.of("replicas", 2));
  }

  @Test
  void isNamespacedFalseDropsTheNamespaceOfACustomKind() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/issuer.yaml",
                """
                name: issuer
                schemaVersion: designs.meshery.io/v1beta1
                components:
                - displayName: letsencrypt
                  component: {kind: ClusterIssuer, version: cert-manager.io/v1}
                  metadata: {isNamespaced: "false"}
                  configuration: {metadata: {namespace: default}, spec: {acme: {}}}
                """)
            .render();

    RenderedObject issuer = design(set, "designs/issuer.yaml").objects().getFirst();
    assertThat(issuer.ref().namespace()).isNull();
    assertThat(issuer.body()).containsEntry("metadata", Map.of("name", "letsencrypt"));
  }

  @Test
  void componentWithoutKindIsAnErrorAtItsLine() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/broken.yaml",
                """
                name: broken
                schemaVersion: designs.meshery.io/v1beta1
                components:
                - displayName: ok
                  component: {kind: ConfigMap, version: v1}
                - displayName: nokind
                  component: {version: v1}
                """)
            .render();

    RenderedDesign design = design(set, "designs/broken.yaml");
    assertThat(design.failed()).isTrue();
    assertThat(design.objects()).isEmpty();
    assertThat(design.diagnostics())
        .singleElement()
        .hasToString("designs/broken.yaml:6:3: error: component #2 (nokind) has no component.kind");
  }

  @Test
  void anUnknownSchemaVersionIsAnErrorAtItsLine() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/future.yaml",
                """
                name: future
                schemaVersion: designs.meshery.io/v9
                components: []
                """)
            .render();

    RenderedDesign design = design(set, "designs/future.yaml");
    assertThat(design.failed()).isTrue();
    assertThat(design.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "designs/future.yaml:2:16: error: schemaVersion designs.meshery.io/v9 is not"
                + " supported; use designs.meshery.io/v1beta1 or designs.meshery.io/v1beta3");
  }

  @Test
  void aComponentNamespaceThatIsAListIsAnErrorAtItsLine() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/ns.yaml",
                """
                name: ns
                schemaVersion: designs.meshery.io/v1beta1
                components:
                - displayName: cm
                  component: {kind: ConfigMap, version: v1}
                  configuration:
                    metadata:
                      namespace: [a, b]
                """)
            .render();

    RenderedDesign design = design(set, "designs/ns.yaml");
    assertThat(design.objects()).isEmpty();
    assertThat(design.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "designs/ns.yaml:8:18: error: component cm: namespace must be a string, found a list");
  }

  @Test
  void metadataOrLabelsOfTheWrongShapeAreErrorsNotDropped() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/bad.yaml",
                """
                name: bad
                schemaVersion: designs.meshery.io/v1beta1
                components:
                - displayName: a
                  component: {kind: ConfigMap, version: v1}
                  configuration:
                    metadata: team-a
                - displayName: b
                  component: {kind: ConfigMap, version: v1}
                  configuration:
                    metadata:
                      annotations: note
                """)
            .render();

    RenderedDesign design = design(set, "designs/bad.yaml");
    assertThat(design.objects()).isEmpty();
    assertThat(design.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "designs/bad.yaml:7:15: error: configuration.metadata of a must be a map",
            "designs/bad.yaml:12:20: error: labels and annotations of b must be maps");
  }

  @Test
  void aComponentIdUsedTwiceIsAnErrorAtTheSecondComponent() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/twice.yaml",
                """
                name: twice
                schemaVersion: designs.meshery.io/v1beta1
                components:
                - id: c1
                  displayName: a
                  component: {kind: ConfigMap, version: v1}
                - id: c1
                  displayName: b
                  component: {kind: ConfigMap, version: v1}
                """)
            .render();

    RenderedDesign design = design(set, "designs/twice.yaml");
    assertThat(design.failed()).isTrue();
    assertThat(design.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "designs/twice.yaml:7:3: error: component #2: id c1 is already used at line 4");
  }

  @Test
  void relationshipsThatAreNotAListAreAnError() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/rel.yaml",
                """
                name: rel
                schemaVersion: designs.meshery.io/v1beta1
                components: []
                relationships: {kind: hierarchical}
                """)
            .render();

    assertThat(design(set, "designs/rel.yaml").diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly("designs/rel.yaml:4:16: error: relationships must be a list");
  }
}
