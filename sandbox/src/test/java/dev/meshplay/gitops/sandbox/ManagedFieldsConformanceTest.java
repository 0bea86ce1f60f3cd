package dev.meshplay.gitops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import org.junit.jupiter.api.Test;

/** {@code metadata.managedFields}: one entry per manager, in the FieldsV1 encoding. */
class ManagedFieldsConformanceTest extends OneSandbox {
  @Test
  void applyRecordsAnEntryWithManagerOperationApiVersionTimeAndFieldsType() {
    api.apply(
        "gitops",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: entry, namespace: demo, labels: {app: a}}\ndata: {k: v}");

    GenericKubernetesResource stored = api.get("v1", "ConfigMap", "demo", "entry");

    assertThat(stored.getMetadata().getManagedFields()).hasSize(1);
    ManagedFieldsEntry entry = stored.getMetadata().getManagedFields().getFirst();
    assertThat(entry.getManager()).isEqualTo("gitops");
    assertThat(entry.getOperation()).isEqualTo("Apply");
    assertThat(entry.getApiVersion()).isEqualTo("v1");
    assertThat(entry.getFieldsType()).isEqualTo("FieldsV1");
    assertThat(entry.getTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(Api.fieldsOf(stored, "gitops", "Apply"))
        .isEqualTo("{\"f:data\":{\"f:k\":{}},\"f:metadata\":{\"f:labels\":{\"f:app\":{}}}}");
  }

  @Test
  void keyedListItemsAreNamedByTheirKeysAndMarkedWithADot() {
    api.apply(
        "gitops",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: keyed, namespace: demo}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: nginx
                ports: [{containerPort: 80}]
        """);

    assertThat(Api.fieldsOf(api.get("apps/v1", "Deployment", "demo", "keyed"), "gitops", "Apply"))
        .isEqualTo(
            "{\"f:spec\":{\"f:replicas\":{},\"f:selector\":{},\"f:template\":{"
                + "\"f:metadata\":{\"f:labels\":{\"f:app\":{}}},"
                + "\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"web\\\"}\":{\".\":{},"
                + "\"f:image\":{},\"f:name\":{},\"f:ports\":{"
                + "\"k:{\\\"containerPort\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{},\"f:containerPort\":{}}}}}}}}}");
  }

  @Test
  void setListItemsAreNamedByTheirValues() {
    api.apply(
        "gitops",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: fin, namespace: demo, finalizers: [example.com/keep]}");

    assertThat(Api.fieldsOf(api.get("v1", "ConfigMap", "demo", "fin"), "gitops", "Apply"))
        .isEqualTo("{\"f:metadata\":{\"f:finalizers\":{\"v:\\\"example.com/keep\\\"\":{}}}}");
  }

  @Test
  void eachManagerHasItsOwnEntryAndListsShowThemToo() {
    api.apply(
        "first",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: two, namespace: demo}\ndata: {a: \"1\"}");
    api.apply(
        "second",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: two, namespace: demo}\ndata: {b: \"2\"}");

    GenericKubernetesResource listed =
        sandbox
            .client()
            .genericKubernetesResources("v1", "ConfigMap")
            .inNamespace("demo")
            .list()
            .getItems()
            .stream()
            .filter(o -> o.getMetadata().getName().equals("two"))
            .findFirst()
            .orElseThrow();

    assertThat(Api.managers(listed)).containsExactlyInAnyOrder("first/Apply", "second/Apply");
    assertThat(Api.fieldsOf(listed, "second", "Apply")).isEqualTo("{\"f:data\":{\"f:b\":{}}}");
  }
}
