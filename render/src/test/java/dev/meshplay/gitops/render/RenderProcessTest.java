package dev.meshplay.gitops.render;

import static dev.meshplay.gitops.render.TestRepository.design;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kustomize build and helm template as real processes (small shell scripts standing in). */
class RenderProcessTest {
  @TempDir Path dir;
  @TempDir Path bin;

  private Path script(String name, String body) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  private TestRepository kustomization() {
    return TestRepository.in(dir)
        .file("manifests/app/kustomization.yaml", "resources:\n- cm.yaml\n")
        .file("manifests/app/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\n");
  }

  @Test
  void standaloneKustomizeIsRunAsKustomizeBuild() throws IOException {
    Path kustomize = script("kustomize", "[ \"$1\" = build ] || exit 9\ncat \"$2/cm.yaml\"");

    RenderedSet set =
        kustomization()
            .render(
                KubectlKustomize.standalone(kustomize.toString(), Duration.ofSeconds(10), 1 << 20));

    assertThat(design(set, "manifests/app").objects())
        .extracting(o -> o.ref().toString())
        .containsExactly("ConfigMap/default/app");
  }

  @Test
  void outputOverTheCapKillsTheProcessAndFailsTheDesign() throws IOException {
    Path kustomize = script("kustomize", "yes 'a: b'");

    RenderedSet set =
        kustomization()
            .render(
                KubectlKustomize.standalone(kustomize.toString(), Duration.ofSeconds(20), 4096));

    assertThat(design(set, "manifests/app").diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "manifests/app/kustomization.yaml:1:1: error: kustomize build printed more than 4096"
                + " bytes");
  }

  @Test
  void chartIsRenderedByHelmTemplateAndItsTemplatesAreNotReadAsManifests() throws IOException {
    Path helm =
        script(
            "helm",
            "[ \"$1\" = template ] || exit 9\n"
                + "printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: %s\\n' \"$2\"");
    TestRepository repo =
        TestRepository.in(dir)
            .file("designs/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n")
            .file("designs/web/templates/cm.yaml", "{{ .Values.broken }\n");

    RenderedSet set =
        new RepositoryRenderer(
                d -> "", HelmRunner.command(helm.toString(), Duration.ofSeconds(10), 1 << 20))
            .render(repo.root());

    RenderedDesign chart = design(set, "designs/web");
    assertThat(chart.format()).isEqualTo(DesignFormat.HELM);
    assertThat(chart.diagnostics()).isEmpty();
    assertThat(chart.objects())
        .extracting(o -> o.ref().toString())
        .containsExactly("ConfigMap/default/web");
    assertThat(chart.objects().getFirst().provenance()).hasToString("designs/web/Chart.yaml:1");
    assertThat(set.designs()).hasSize(1);
  }

  @Test
  void missingHelmIsAClearErrorOfTheChartOnly() {
    TestRepository repo =
        TestRepository.in(dir)
            .file("designs/web/Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.1.0\n")
            .file("designs/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");

    RenderedSet set =
        new RepositoryRenderer(
                d -> "", HelmRunner.command("/nonexistent/helm", Duration.ofSeconds(5), 1 << 20))
            .render(repo.root());

    assertThat(design(set, "designs/web").diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "designs/web/Chart.yaml:1:1: error: helm was not found at /nonexistent/helm: Helm"
                + " charts are rendered with `helm template`");
    assertThat(design(set, "designs").failed()).isFalse();
  }
}
