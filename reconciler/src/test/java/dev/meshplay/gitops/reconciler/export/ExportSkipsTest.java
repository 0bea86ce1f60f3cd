package dev.meshplay.gitops.reconciler.export;

import static dev.meshplay.gitops.reconciler.export.ServerFieldsTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportSkipsTest {

  @Test
  void whatControllersAndKubernetesMakeIsLeftOut() {
    assertThat(
            ExportSkips.reason(
                yaml(
                    """
                    kind: ReplicaSet
                    metadata:
                      name: web-5d9c
                      ownerReferences: [{kind: Deployment, name: web, controller: true}]
                    """)))
        .isEqualTo("made by its controller (a Deployment)");
    assertThat(ExportSkips.reason(yaml("kind: ConfigMap\nmetadata: {name: kube-root-ca.crt}")))
        .contains("every namespace");
    assertThat(ExportSkips.reason(yaml("kind: ServiceAccount\nmetadata: {name: default}")))
        .contains("every namespace");
    assertThat(
            ExportSkips.reason(
                yaml(
                    "kind: Secret\ntype: kubernetes.io/service-account-token\nmetadata: {name: t}")))
        .startsWith("generated");
    assertThat(ExportSkips.reason(yaml("kind: Event\nmetadata: {name: e}"))).isNotNull();
    assertThat(
            ExportSkips.reason(
                yaml(
                    """
                    kind: ClusterRole
                    metadata: {name: admin, labels: {kubernetes.io/bootstrapping: rbac-defaults}}
                    """)))
        .isEqualTo("Kubernetes' default RBAC");
  }

  @Test
  void configurationIsExportedEvenWithANonControllingOwner() {
    assertThat(ExportSkips.reason(yaml("kind: ConfigMap\nmetadata: {name: settings}"))).isNull();
    assertThat(
            ExportSkips.reason(
                yaml(
                    """
                    kind: ConfigMap
                    metadata: {name: c, ownerReferences: [{kind: Thing, name: t}]}
                    """)))
        .isNull();
  }

  @Test
  void objectsAlreadyManagedFromGitAreNotExportedTwice() {
    assertThat(
            ExportSkips.reason(
                yaml(
                    """
                    kind: ConfigMap
                    metadata:
                      name: c
                      labels: {app.kubernetes.io/managed-by: meshplay-gitops, meshplay.dev/source: shop}
                    """)))
        .isEqualTo("already managed from Git (source shop)");
  }
}
