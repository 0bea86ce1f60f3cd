package dev.meshplay.gitops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** Fields a manager stops applying are removed, unless another manager owns them too. */
class FieldRemovalConformanceTest extends OneSandbox {
  @Test
  void labelNoLongerAppliedIsRemoved() {
    api.apply("gitops", labels("labels", "{a: \"1\", b: \"2\"}"));

    api.apply("gitops", labels("labels", "{a: \"1\"}"));

    assertThat(configMap("labels").getMetadata().getLabels()).containsOnlyKeys("a");
  }

  @Test
  void containerNoLongerAppliedIsRemoved() {
    api.apply(
        "gitops",
        deployment("containers", "[{name: web, image: nginx}, {name: sidecar, image: envoy}]"));

    api.apply("gitops", deployment("containers", "[{name: web, image: nginx}]"));

    Deployment stored =
        sandbox.client().apps().deployments().inNamespace("demo").withName("containers").get();
    assertThat(stored.getSpec().getTemplate().getSpec().getContainers())
        .extracting(Container::getName)
        .containsExactly("web");
  }

  @Test
  void fieldAnotherApplierAlsoOwnsIsKept() {
    api.apply("gitops", labels("shared", "{a: \"1\", b: \"2\"}"));
    api.apply("team", labels("shared", "{b: \"2\"}"));

    api.apply("gitops", labels("shared", "{a: \"1\"}"));

    assertThat(configMap("shared").getMetadata().getLabels()).containsOnlyKeys("a", "b");
  }

  @Test
  void fieldAnUpdateTookOverIsKept() {
    api.apply("gitops", labels("taken", "{a: \"1\", b: \"2\"}"));
    sandbox
        .client()
        .configMaps()
        .inNamespace("demo")
        .withName("taken")
        .edit(
            cm -> {
              cm.getMetadata().getLabels().put("b", "edited");
              return cm;
            });

    api.apply("gitops", labels("taken", "{a: \"1\"}"));

    assertThat(configMap("taken").getMetadata().getLabels()).containsEntry("b", "edited");
  }

  @Test
  void lastLabelNoLongerAppliedLeavesNoEmptyMap() {
    api.apply("gitops", labels("emptied", "{a: \"1\"}"));

    api.apply(
        "gitops",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: emptied, namespace: demo}\ndata: {k: v}");

    assertThat(configMap("emptied").getMetadata().getLabels()).isNullOrEmpty();
    assertThat(configMap("emptied").getData()).containsEntry("k", "v");
  }

  private io.fabric8.kubernetes.api.model.ConfigMap configMap(String name) {
    return sandbox.client().configMaps().inNamespace("demo").withName(name).get();
  }

  private static String labels(String name, String labels) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "
        + name
        + ", namespace: demo, labels: "
        + labels
        + "}";
  }

  static String deployment(String name, String containers) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s, namespace: demo}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: %s
        """
        .formatted(name, containers);
  }
}
