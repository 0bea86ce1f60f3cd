package dev.meshplay.gitops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a real API server sets without any controller: Namespaces are Active and CRDs Established as
 * soon as they exist, so a client waiting for them does not need the simulated controllers.
 */
class ServerSetStatusConformanceTest extends OneSandbox {
  @Test
  void namespaceIsActiveFromCreation() {
    GenericKubernetesResource created =
        api.apply("gitops", "apiVersion: v1\nkind: Namespace\nmetadata: {name: fresh}\n");

    assertThat(created.getAdditionalProperties().get("status"))
        .isEqualTo(Map.of("phase", "Active"));
    assertThat(api.get("v1", "Namespace", null, "fresh").getAdditionalProperties().get("status"))
        .isEqualTo(Map.of("phase", "Active"));
  }

  @Test
  void crdIsEstablishedWithItsNamesAcceptedAndServedInDiscovery() {
    api.apply(
        "gitops",
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget}
          versions: [{name: v1, served: true, storage: true}]
        """);

    GenericKubernetesResource crd =
        api.get("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, "widgets.example.com");
    @SuppressWarnings("unchecked")
    Map<String, Object> status = (Map<String, Object>) crd.getAdditionalProperties().get("status");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> conditions = (List<Map<String, Object>>) status.get("conditions");
    assertThat(conditions)
        .extracting(c -> c.get("type") + "=" + c.get("status"))
        .containsExactly("NamesAccepted=True", "Established=True");
    assertThat(status.get("acceptedNames"))
        .isEqualTo(Map.of("plural", "widgets", "singular", "widget", "kind", "Widget"));
    assertThat(api.send("GET", "/apis/example.com/v1", null, null).body()).contains("\"Widget\"");
  }

  @Test
  void reapplyingAnEstablishedCrdStoresNothingNew() {
    String yaml =
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gadgets.example.com}
        spec:
          group: example.com
          scope: Cluster
          names: {plural: gadgets, kind: Gadget}
          versions: [{name: v1, served: true, storage: true}]
        """;
    String first = api.apply("gitops", yaml).getMetadata().getResourceVersion();

    String second = api.apply("gitops", yaml).getMetadata().getResourceVersion();

    assertThat(second).isEqualTo(first);
  }
}
