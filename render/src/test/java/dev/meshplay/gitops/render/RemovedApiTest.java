package dev.meshplay.gitops.render;

import static dev.meshplay.gitops.render.TestRepository.design;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemovedApiTest {
  @TempDir Path dir;

  private RenderedDesign validated(String yaml) {
    TestRepository.in(dir).file("manifests/old.yaml", yaml);
    RenderedSet set =
        Validator.kubernetes(ValidationMode.DEFAULT)
            .validate(
                dir,
                d -> {
                  throw new KustomizeException("kustomize must not run");
                },
                c -> {
                  throw new HelmException("helm must not run");
                });
    return design(set, "manifests");
  }

  @Test
  void anIngressInExtensionsIsAnErrorNamingTheReplacementAtTheApiVersion() {
    RenderedDesign design =
        validated(
            """
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata: {name: web}
            spec: {}
            """);

    assertThat(design.failed()).isTrue();
    assertThat(design.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "manifests/old.yaml:1:13: error: Ingress/default/web: Ingress in extensions/v1beta1"
                + " was removed in Kubernetes 1.22; use networking.k8s.io/v1 instead");
  }

  @Test
  void aRemovedKindWithoutSuccessorSaysSo() {
    RenderedDesign design =
        validated("apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: p}\n");

    assertThat(design.diagnostics())
        .extracting(Diagnostic::message)
        .singleElement()
        .asString()
        .endsWith(
            "PodSecurityPolicy in policy/v1beta1 was removed in Kubernetes 1.25; it has no"
                + " replacement");
  }

  @Test
  void theServedVersionOfTheSameKindStillValidates() {
    RenderedDesign design =
        validated(
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
            """);

    assertThat(design.diagnostics()).isEmpty();
    assertThat(design.objects()).hasSize(1);
  }

  @Test
  void onlyTheRemovedKindsOfAGroupVersionAreRefused() {
    assertThat(RemovedApis.find("policy/v1beta1", "PodDisruptionBudget")).isPresent();
    assertThat(RemovedApis.find("policy/v1", "PodDisruptionBudget")).isEmpty();
    assertThat(RemovedApis.find("batch/v1beta1", "CronJob").orElseThrow().replacement())
        .isEqualTo("batch/v1");
  }
}
