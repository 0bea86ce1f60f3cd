package dev.meshplay.gitops.render;

import static dev.meshplay.gitops.render.TestRepository.design;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateObjectTest {
  @TempDir Path dir;

  @Test
  void laterDeclarationAcrossDesignsIsAnErrorNamingTheEarlierOne() {
    RenderedSet set =
        TestRepository.in(dir)
            .file("manifests/a/cm.yaml", "# first\n" + ManifestRenderingTest.configMap("shared"))
            .file(
                "manifests/b/cm.yaml",
                ManifestRenderingTest.configMap("own")
                    + "---\n"
                    + ManifestRenderingTest.configMap("shared")
                    + "  namespace: default\n")
            .render();

    assertThat(design(set, "manifests/a").failed()).isFalse();
    RenderedDesign later = design(set, "manifests/b");
    assertThat(later.failed()).isTrue();
    assertThat(later.objects()).isEmpty();
    assertThat(later.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "manifests/b/cm.yaml:6:1: error: ConfigMap/default/shared is already declared at"
                + " manifests/a/cm.yaml:2");
  }

  @Test
  void versionDoesNotMakeADifferentObjectButGroupDoes() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "manifests/app/objects.yaml",
                """
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                metadata: {name: web}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web}
                ---
                apiVersion: example.com/v1
                kind: Deployment
                metadata: {name: web}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                """)
            .render();

    assertThat(design(set, "manifests/app").diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly(
            "HorizontalPodAutoscaler/default/web is already declared at manifests/app/objects.yaml:1");
  }

  @Test
  void sameNameInDifferentNamespacesIsNoDuplicate() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "manifests/a/cm.yaml", ManifestRenderingTest.configMap("x") + "  namespace: one\n")
            .file(
                "manifests/b/cm.yaml", ManifestRenderingTest.configMap("x") + "  namespace: two\n")
            .render();

    assertThat(set.anyFailed()).isFalse();
  }
}
