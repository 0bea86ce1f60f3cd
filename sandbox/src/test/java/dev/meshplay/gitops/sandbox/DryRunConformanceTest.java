package dev.meshplay.gitops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.Test;

/** {@code dryRun=All} answers with the result of a write and stores nothing. */
class DryRunConformanceTest extends OneSandbox {
  @Test
  void dryRunApplyReturnsTheNewObjectWithoutCreatingIt() {
    GenericKubernetesResource result =
        sandbox
            .client()
            .resource(api.object(configMap("new", "a")))
            .dryRun()
            .fieldManager("gitops")
            .serverSideApply();

    assertThat(result.getAdditionalProperties().get("data")).isEqualTo(java.util.Map.of("k", "a"));
    assertThat(Api.managers(result)).containsExactly("gitops/Apply");
    assertThat(result.getMetadata().getUid()).isNotBlank();
    assertThat(sandbox.client().configMaps().inNamespace("demo").withName("new").get()).isNull();
  }

  @Test
  void dryRunApplyReturnsTheChangeWithoutStoringIt() {
    api.apply("gitops", configMap("existing", "a"));
    String version = live("existing").getMetadata().getResourceVersion();

    Api.Reply reply =
        api.send(
            "PATCH",
            "/api/v1/namespaces/demo/configmaps/existing?fieldManager=gitops&dryRun=All",
            Api.APPLY,
            configMap("existing", "b"));

    assertThat(reply.code()).isEqualTo(200);
    assertThat(reply.json().get("data")).isEqualTo(java.util.Map.of("k", "b"));
    assertThat(live("existing").getData()).containsEntry("k", "a");
    assertThat(live("existing").getMetadata().getResourceVersion()).isEqualTo(version);
  }

  @Test
  void dryRunApplyStillReportsConflicts() {
    api.apply("gitops", configMap("conflicted", "a"));

    Api.Reply reply =
        api.send(
            "PATCH",
            "/api/v1/namespaces/demo/configmaps/conflicted?fieldManager=other&dryRun=All",
            Api.APPLY,
            configMap("conflicted", "b"));

    assertThat(reply.code()).isEqualTo(409);
  }

  @Test
  void dryRunCreatePatchAndDeleteStoreNothing() {
    ConfigMap created =
        sandbox
            .client()
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("dry")
                    .withNamespace("demo")
                    .endMetadata()
                    .build())
            .dryRun()
            .create();
    assertThat(created.getMetadata().getName()).isEqualTo("dry");
    assertThat(live("dry")).isNull();

    api.apply("gitops", configMap("kept", "a"));
    sandbox
        .client()
        .configMaps()
        .inNamespace("demo")
        .withName("kept")
        .dryRun()
        .patch(
            new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE).build(),
            "{\"data\":{\"k\":\"b\"}}");
    sandbox.client().configMaps().inNamespace("demo").withName("kept").dryRun().delete();

    assertThat(live("kept").getData()).containsEntry("k", "a");
  }

  private ConfigMap live(String name) {
    return sandbox.client().configMaps().inNamespace("demo").withName(name).get();
  }

  private static String configMap(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "
        + name
        + ", namespace: demo}\ndata: {k: "
        + value
        + "}\n";
  }
}
