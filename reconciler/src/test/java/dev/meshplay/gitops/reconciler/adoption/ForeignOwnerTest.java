package dev.meshplay.gitops.reconciler.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForeignOwnerTest {

  @Test
  void helmIsKnownByItsReleaseAnnotationsOrItsManagedByLabel() {
    assertThat(
            ForeignOwner.of(
                object(
                    Map.of(),
                    Map.of(
                        "meta.helm.sh/release-name", "web",
                        "meta.helm.sh/release-namespace", "shop"))))
        .get()
        .extracting(ForeignOwner::describe)
        .isEqualTo("owned by Helm release shop/web (meta.helm.sh/release-name)");
    assertThat(
            ForeignOwner.of(
                object(
                    Map.of(
                        "app.kubernetes.io/managed-by", "Helm",
                        "app.kubernetes.io/instance", "web"),
                    Map.of())))
        .get()
        .extracting(ForeignOwner::describe)
        .isEqualTo("owned by Helm release web (app.kubernetes.io/managed-by=Helm)");
  }

  @Test
  void fluxHelmReleasesAreFluxNotHelm() {
    var owner =
        ForeignOwner.of(
            object(
                Map.of(
                    "helm.toolkit.fluxcd.io/name", "web",
                    "helm.toolkit.fluxcd.io/namespace", "flux-system",
                    "app.kubernetes.io/managed-by", "Helm"),
                Map.of("meta.helm.sh/release-name", "web")));

    assertThat(owner).get().extracting(ForeignOwner::tool).isEqualTo("Flux");
    assertThat(owner.get().owner()).isEqualTo("HelmRelease flux-system/web");
  }

  @Test
  void argoLabelTrackingCountsOnlyWhenArgoWroteTheObject() {
    Map<String, Object> byHand = object(Map.of("app.kubernetes.io/instance", "shop"), Map.of());
    Map<String, Object> byArgo = object(Map.of("app.kubernetes.io/instance", "shop"), Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) byArgo.get("metadata");
    metadata.put("managedFields", List.of(Map.of("manager", "argocd-controller")));

    assertThat(ForeignOwner.of(byHand)).isEmpty();
    assertThat(ForeignOwner.of(byArgo))
        .get()
        .extracting(ForeignOwner::describe)
        .isEqualTo("owned by Argo CD application shop (app.kubernetes.io/instance)");
  }

  @Test
  void objectsWithoutAnyToolsMarksHaveNoForeignOwner() {
    assertThat(ForeignOwner.of(object(Map.of("app", "web"), Map.of("note", "x")))).isEmpty();
    assertThat(ForeignOwner.of(Map.of("kind", "ConfigMap"))).isEmpty();
  }

  private static Map<String, Object> object(Map<String, String> labels, Map<String, String> notes) {
    Map<String, Object> metadata = new java.util.LinkedHashMap<>();
    metadata.put("name", "web");
    metadata.put("labels", labels);
    metadata.put("annotations", notes);
    return Map.of("kind", "Deployment", "metadata", metadata);
  }
}
