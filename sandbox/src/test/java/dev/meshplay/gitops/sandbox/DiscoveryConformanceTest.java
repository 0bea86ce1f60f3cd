package dev.meshplay.gitops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API discovery: what fabric8's generic client and kubectl read to find resource types. */
class DiscoveryConformanceTest extends OneSandbox {
  @Test
  void versionReportsKubernetes132() {
    assertThat(sandbox.client().getKubernetesVersion().getMajor()).isEqualTo("1");
    assertThat(sandbox.client().getKubernetesVersion().getMinor()).isEqualTo("32");
  }

  @Test
  void apisListEveryBuiltInGroup() {
    List<String> groups =
        sandbox.client().getApiGroups().getGroups().stream().map(APIGroup::getName).toList();

    assertThat(groups)
        .contains(
            "apps",
            "batch",
            "networking.k8s.io",
            "rbac.authorization.k8s.io",
            "autoscaling",
            "policy",
            "coordination.k8s.io",
            "apiextensions.k8s.io");
    assertThat(api.send("GET", "/api", null, null).json()).containsEntry("versions", List.of("v1"));
  }

  @Test
  void resourceListsDescribeNameScopeKindVerbsAndShortNames() {
    List<APIResource> core = sandbox.client().getApiResources("v1").getResources();

    assertThat(core)
        .extracting(APIResource::getKind)
        .contains(
            "Namespace",
            "ConfigMap",
            "Secret",
            "Service",
            "ServiceAccount",
            "Pod",
            "PersistentVolumeClaim",
            "Event");
    APIResource namespaces =
        core.stream().filter(r -> r.getName().equals("namespaces")).findFirst().orElseThrow();
    assertThat(namespaces.getNamespaced()).isFalse();
    assertThat(namespaces.getSingularName()).isEqualTo("namespace");
    assertThat(namespaces.getShortNames()).containsExactly("ns");
    assertThat(namespaces.getVerbs()).contains("get", "list", "watch", "patch");
    assertThat(sandbox.client().getApiResources("autoscaling/v2").getResources())
        .extracting(APIResource::getKind)
        .containsExactly("HorizontalPodAutoscaler");
  }

  @Test
  void genericClientFindsBuiltInKindsThroughDiscovery() {
    api.apply(
        "gitops",
        "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly, namespace: demo}\nspec: {schedule: \"0 0 * * *\"}");

    GenericKubernetesResource cronJob = api.get("batch/v1", "CronJob", "demo", "nightly");

    assertThat(cronJob.getAdditionalProperties().get("spec"))
        .isEqualTo(Map.of("schedule", "0 0 * * *"));
  }

  @Test
  void customResourceDefinitionsAddTheirResources() {
    api.apply(
        "gitops",
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
          versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}]
        """);

    api.apply(
        "gitops",
        "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: demo}\nspec: {size: 3}");

    assertThat(sandbox.client().getApiResources("example.com/v1").getResources())
        .extracting(APIResource::getName)
        .containsExactly("widgets");
    assertThat(
            api.get("example.com/v1", "Widget", "demo", "w").getAdditionalProperties().get("spec"))
        .isEqualTo(Map.of("size", 3));
  }

  @Test
  void unknownPathsAnswerANotFoundStatus() {
    Api.Reply reply = api.send("GET", "/apis/unknown.example.com/v1", null, null);

    assertThat(reply.code()).isEqualTo(404);
    assertThat(reply.json()).containsEntry("kind", "Status").containsEntry("reason", "NotFound");
  }

  @Test
  void missingObjectsAnswerANotFoundStatusNamingThem() {
    Api.Reply reply =
        api.send("GET", "/apis/apps/v1/namespaces/demo/deployments/absent", null, null);

    assertThat(reply.code()).isEqualTo(404);
    assertThat(reply.json()).containsEntry("message", "deployments.apps \"absent\" not found");
  }
}
