package dev.meshplay.gitops.render;

import static dev.meshplay.gitops.render.TestRepository.design;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KustomizeRenderingTest {
  @TempDir Path dir;

  private TestRepository baseAndOverlay() {
    return TestRepository.in(dir)
        .file("manifests/app/base/kustomization.yaml", "resources:\n- cm.yaml\n")
        .file(
            "manifests/app/base/cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  replicas: \"2\"\n")
        .file(
            "manifests/app/overlays/prod/kustomization.yaml",
            "namespace: prod\nnamePrefix: prod-\nresources:\n- ../../base\n");
  }

  @Test
  void rendersOnlyTheOverlayThroughRealKubectl() {
    assumeThat(onPath("kubectl")).as("kubectl on PATH").isTrue();

    RenderedSet set = baseAndOverlay().render(KustomizeRunner.kubectl());

    assertThat(set.designs())
        .extracting(RenderedDesign::key)
        .containsExactly("manifests/app/overlays/prod");
    RenderedDesign overlay = set.designs().getFirst();
    assertThat(overlay.format()).isEqualTo(DesignFormat.KUSTOMIZE);
    assertThat(overlay.name()).isEqualTo("app/overlays/prod");
    assertThat(overlay.diagnostics()).isEmpty();
    RenderedObject configMap = overlay.objects().getFirst();
    assertThat(configMap.ref()).hasToString("ConfigMap/prod/prod-app");
    assertThat(configMap.provenance())
        .hasToString("manifests/app/overlays/prod/kustomization.yaml:1");
    assertThat(configMap.body()).containsEntry("data", Map.of("replicas", "2"));
  }

  @Test
  void missingKubectlFailsOnlyTheKustomizeDesignWithAClearMessage() {
    RenderedSet set =
        baseAndOverlay()
            .file("manifests/plain/cm.yaml", ManifestRenderingTest.configMap("plain"))
            .render(new KubectlKustomize("/nonexistent/kubectl", Duration.ofSeconds(5)));

    assertThat(design(set, "manifests/app/overlays/prod").diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "manifests/app/overlays/prod/kustomization.yaml:1:1: error: kubectl was not found at"
                + " /nonexistent/kubectl: kustomize directories are built with `kubectl kustomize`");
    assertThat(design(set, "manifests/plain").objects()).hasSize(1);
  }

  @Test
  void kustomizeFailureCarriesItsErrorOutput() {
    assumeThat(onPath("kubectl")).as("kubectl on PATH").isTrue();

    RenderedSet set =
        TestRepository.in(dir)
            .file("manifests/app/kustomization.yaml", "resources:\n- missing.yaml\n")
            .render(KustomizeRunner.kubectl());

    assertThat(design(set, "manifests/app").diagnostics().getFirst().message())
        .startsWith("kubectl kustomize failed (exit 1): ")
        .contains("missing.yaml");
  }

  @Test
  void remoteBaseIsRejectedAtItsLineWithoutRunningKustomize() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "designs/remote/kustomization.yaml",
                "resources:\n- cm.yaml\n- https://github.com/org/repo//base?ref=v1\n"
                    + "- github.com/org/repo/base\n")
            .file("designs/remote/cm.yaml", ManifestRenderingTest.configMap("x"))
            .render();

    assertThat(design(set, "designs/remote").diagnostics())
        .extracting(d -> d.line() + ":" + d.message())
        .containsExactly(
            "3:remote base https://github.com/org/repo//base?ref=v1 is not allowed: a design renders"
                + " from its repository alone",
            "4:remote base github.com/org/repo/base is not allowed: a design renders from its"
                + " repository alone");
  }

  @Test
  void baseOutsideTheRepositoryIsRejected() {
    RenderedSet set =
        TestRepository.in(dir)
            .file("designs/escape/kustomization.yaml", "resources:\n- ../../../../etc\n")
            .render();

    assertThat(design(set, "designs/escape").diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "designs/escape/kustomization.yaml:2:3: error: ../../../../etc leads out of the repository");
  }

  @Test
  void filesInsideAKustomizationAreNotRenderedOnTheirOwn() {
    RenderedSet set =
        TestRepository.in(dir)
            .file("designs/app/kustomization.yaml", "resources:\n- sub/cm.yaml\n")
            .file("designs/app/sub/cm.yaml", ManifestRenderingTest.configMap("x"))
            .render(path -> ManifestRenderingTest.configMap("built"));

    assertThat(set.designs()).extracting(RenderedDesign::key).containsExactly("designs/app");
    assertThat(set.designs().getFirst().objects())
        .extracting(o -> o.ref().name())
        .containsExactly("built");
  }

  @Test
  void kustomizationsInACycleAreRenderedSoTheyFailInsteadOfVanishing() {
    RenderedSet set =
        TestRepository.in(dir)
            .file("designs/a/kustomization.yaml", "resources:\n- ../b\n")
            .file("designs/b/kustomization.yaml", "resources:\n- ../a\n")
            .render(
                path -> {
                  throw new KustomizeException("cycle detected at " + path.getFileName());
                });

    assertThat(set.designs())
        .extracting(RenderedDesign::key)
        .containsExactly("designs/a", "designs/b");
    assertThat(set.designs()).allMatch(RenderedDesign::failed);
  }

  @Test
  void brokenKustomizationFileFailsAtTheParserPosition() {
    RenderedSet set =
        TestRepository.in(dir)
            .file("designs/app/kustomization.yaml", "namespace: x\nresources: [a.yaml\n")
            .render();

    assertThat(design(set, "designs/app").diagnostics())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.toString()).startsWith("designs/app/kustomization.yaml:3:1: error: "));
  }

  private static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String entry : path.split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, command))) {
        return true;
      }
    }
    return false;
  }
}
