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

class ServicesPatternRenderingTest {
  @TempDir Path dir;

  @Test
  void rendersTheKubernetesServicesOfTheCorpusPattern() {
    Path corpus = TestRepository.CORPUS.resolve("kubernetes_basic-services.yml");
    assumeThat(Files.exists(corpus)).as("shared corpus present").isTrue();

    RenderedSet set = TestRepository.in(dir).copy(corpus, "designs/basic.yml").render();

    RenderedDesign design = design(set, "designs/basic.yml");
    assertThat(design.format()).isEqualTo(DesignFormat.MESHERY_SERVICES);
    assertThat(design.name()).isEqualTo("kubernetes_basic");
    assertThat(design.failed()).isFalse();
    assertThat(design.objects())
        .extracting(o -> o.ref().toString() + " @" + o.provenance())
        .containsExactly(
            "Namespace/helloah @designs/basic.yml:57",
            "Pod/helloah/pod-dd @designs/basic.yml:125",
            "Service/helloah/service-rk @designs/basic.yml:194");
    assertThat(design.diagnostics())
        .singleElement()
        .hasToString(
            "designs/basic.yml:3:3: warning: service AnchorNode is model meshery-core; not rendered");
    assertThat(object(design, "Pod", "pod-dd").body())
        .isEqualTo(
            Map.of(
                "apiVersion", "v1",
                "kind", "Pod",
                "metadata", Map.of("name", "pod-dd", "namespace", "helloah")));
  }

  @Test
  void settingsBecomeTheBodyAndMetadataIsMerged() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/web.yaml",
                """
                name: web
                services:
                  web-key:
                    type: Deployment
                    apiVersion: apps/v1
                    model: kubernetes
                    labels: {tier: front}
                    settings:
                      metadata: {labels: {app: web}, finalizers: [x]}
                      spec: {replicas: 3}
                    traits: {meshmap: {position: {posX: 1}}}
                  note:
                    type: Comment
                    apiVersion: v1
                    isAnnotation: true
                """)
            .render();

    RenderedDesign design = design(set, "designs/web.yaml");
    RenderedObject web = object(design, "Deployment", "web-key");
    assertThat(web.ref()).hasToString("Deployment/default/web-key");
    assertThat(web.body())
        .isEqualTo(
            Map.of(
                "apiVersion",
                "apps/v1",
                "kind",
                "Deployment",
                "metadata",
                Map.of(
                    "name",
                    "web-key",
                    "labels",
                    Map.of("app", "web", "tier", "front"),
                    "finalizers",
                    java.util.List.of("x"),
                    "namespace",
                    "default"),
                "spec",
                Map.of("replicas", 3)));
    assertThat(design.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "designs/web.yaml:12:3: warning: service note is an annotation; not rendered");
  }

  @Test
  void serviceWithoutTypeIsAnErrorAtItsKey() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/bad.yaml",
                """
                name: bad
                services:
                  thing:
                    apiVersion: v1
                """)
            .render();

    assertThat(design(set, "designs/bad.yaml").diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "designs/bad.yaml:3:3: error: service thing needs both type and apiVersion");
  }

  @Test
  void settingsThatAreNotAMapAreAnErrorAtTheirLine() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/bad.yaml",
                """
                name: bad
                services:
                  a:
                    type: ConfigMap
                    apiVersion: v1
                    settings: data
                """)
            .render();

    RenderedDesign design = design(set, "designs/bad.yaml");
    assertThat(design.objects()).isEmpty();
    assertThat(design.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "designs/bad.yaml:6:15: error: settings of service a must be a map of the object's"
                + " fields");
  }

  @Test
  void aNamespaceThatIsAMapIsAnErrorWhereverItIsWritten() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/bad.yaml",
                """
                name: bad
                services:
                  a:
                    type: ConfigMap
                    apiVersion: v1
                    namespace: {x: y}
                  b:
                    type: ConfigMap
                    apiVersion: v1
                    settings:
                      metadata: {namespace: [x]}
                """)
            .render();

    assertThat(design(set, "designs/bad.yaml").diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "designs/bad.yaml:6:16: error: service a: namespace must be a string, found a map",
            "designs/bad.yaml:11:29: error: service b: namespace must be a string, found a list");
  }

  @Test
  void aServiceNameOrLabelsOfTheWrongShapeAreErrorsNotDropped() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/bad.yaml",
                """
                name: bad
                services:
                  a:
                    name: [x]
                    type: ConfigMap
                    apiVersion: v1
                  b:
                    type: ConfigMap
                    apiVersion: v1
                    labels: [app=b]
                """)
            .render();

    assertThat(design(set, "designs/bad.yaml").diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "designs/bad.yaml:4:11: error: name of service a must be a string",
            "designs/bad.yaml:10:13: error: labels and annotations of service b must be maps");
  }
}
