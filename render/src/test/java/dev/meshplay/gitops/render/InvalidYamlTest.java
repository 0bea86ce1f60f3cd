package dev.meshplay.gitops.render;

import static dev.meshplay.gitops.render.TestRepository.design;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvalidYamlTest {
  @TempDir Path dir;

  @Test
  void syntaxErrorIsReportedAtFileLineColumnAndOtherDesignsStillRender() {
    RenderedSet set =
        TestRepository.in(dir)
            .file("manifests/good/cm.yaml", ManifestRenderingTest.configMap("good"))
            .file(
                "manifests/bad/cm.yaml",
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: x
                 labels: {}
                """)
            .render();

    RenderedDesign bad = design(set, "manifests/bad");
    assertThat(bad.failed()).isTrue();
    assertThat(bad.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.toString()).startsWith("manifests/bad/cm.yaml:5:2: error: "));
    assertThat(design(set, "manifests/good").objects()).hasSize(1);
  }

  @Test
  void unclosedFlowSequenceNamesWhereItStarted() {
    RenderedSet set =
        TestRepository.in(dir).file("manifests/bad/cm.yaml", "a: [1, 2\nb: 3\n").render();

    assertThat(design(set, "manifests/bad").diagnostics().getFirst().message())
        .contains("flow sequence")
        .contains("line 1");
  }

  @Test
  void brokenMesheryDesignKeepsItsOwnKey() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/app.yaml",
                """
                name: app
                schemaVersion: designs.meshery.io/v1beta1
                components: [
                """)
            .file("designs/cm.yaml", ManifestRenderingTest.configMap("fine"))
            .render();

    RenderedDesign app = design(set, "designs/app.yaml");
    assertThat(app.format()).isEqualTo(DesignFormat.MESHERY_DESIGN);
    assertThat(app.failed()).isTrue();
    assertThat(design(set, "designs").failed()).isFalse();
  }

  @Test
  void duplicateKeysAreErrorsAtTheSecondKey() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "manifests/app/cm.yaml",
                """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: a
                  name: b
                """)
            .render();

    assertThat(design(set, "manifests/app").diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "manifests/app/cm.yaml:5:3: error: duplicate key \"name\" (first at line 4)");
  }
}
