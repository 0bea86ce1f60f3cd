package dev.meshplay.gitops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.Test;

/**
 * Non-apply writes (create, update, merge, JSON and strategic merge patches) record the fields they
 * change as owned by their manager, with operation Update, taking them from other managers.
 */
class UpdateOwnershipConformanceTest extends OneSandbox {
  @Test
  void createRecordsTheCreatorFromTheUserAgent() {
    sandbox
        .client()
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("created")
                .withNamespace("demo")
                .endMetadata()
                .addToData("k", "v")
                .build())
        .create();

    GenericKubernetesResource stored = api.get("v1", "ConfigMap", "demo", "created");

    assertThat(Api.managers(stored)).containsExactly("fabric8-kubernetes-client/Update");
    assertThat(Api.fieldsOf(stored, "fabric8-kubernetes-client", "Update"))
        .isEqualTo("{\"f:data\":{\".\":{},\"f:k\":{}}}");
  }

  @Test
  void updateRecordsOnlyTheFieldsItChanged() {
    api.apply("gitops", configMap("put", "a"));
    ConfigMap live = sandbox.client().configMaps().inNamespace("demo").withName("put").get();
    live.getData().put("k", "b");

    Api.Reply reply =
        api.send(
            "PUT",
            "/api/v1/namespaces/demo/configmaps/put?fieldManager=editor",
            "application/json",
            sandbox.client().getKubernetesSerialization().asJson(live));

    assertThat(reply.code()).isEqualTo(200);

    GenericKubernetesResource stored = api.get("v1", "ConfigMap", "demo", "put");
    assertThat(Api.fieldsOf(stored, "editor", "Update")).isEqualTo("{\"f:data\":{\"f:k\":{}}}");
    assertThat(Api.entry(stored, "gitops", "Apply")).isNull();
  }

  @Test
  void mergeAndJsonPatchesRecordTheirManager() {
    api.apply("gitops", configMap("patched", "a"));

    sandbox
        .client()
        .configMaps()
        .inNamespace("demo")
        .withName("patched")
        .patch(patch(PatchType.JSON_MERGE, "merger"), "{\"data\":{\"m\":\"1\"}}");
    sandbox
        .client()
        .configMaps()
        .inNamespace("demo")
        .withName("patched")
        .patch(
            patch(PatchType.JSON, "jsoner"),
            "[{\"op\":\"add\",\"path\":\"/data/j\",\"value\":\"2\"}]");

    GenericKubernetesResource stored = api.get("v1", "ConfigMap", "demo", "patched");
    assertThat(Api.fieldsOf(stored, "merger", "Update")).isEqualTo("{\"f:data\":{\"f:m\":{}}}");
    assertThat(Api.fieldsOf(stored, "jsoner", "Update")).isEqualTo("{\"f:data\":{\"f:j\":{}}}");
  }

  @Test
  void strategicMergePatchMergesContainersByName() {
    api.apply(
        "gitops",
        FieldRemovalConformanceTest.deployment(
            "smp", "[{name: web, image: nginx:1}, {name: sidecar, image: envoy}]"));

    Api.Reply reply =
        api.send(
            "PATCH",
            "/apis/apps/v1/namespaces/demo/deployments/smp?fieldManager=kubectl-patch",
            "application/strategic-merge-patch+json",
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:2\"}]}}}}");

    assertThat(reply.code()).isEqualTo(200);
    GenericKubernetesResource stored = api.get("apps/v1", "Deployment", "demo", "smp");
    assertThat(stored.getAdditionalProperties().get("spec").toString())
        .contains("image=nginx:2", "name=sidecar");
    assertThat(Api.fieldsOf(stored, "kubectl-patch", "Update"))
        .isEqualTo(
            "{\"f:spec\":{\"f:template\":{\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"web\\\"}\":{\"f:image\":{}}}}}}}");
  }

  @Test
  void managerDefaultsToTheUserAgentBeforeItsSlash() {
    api.apply("gitops", configMap("agent", "a"));

    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(sandbox.url().toString())
            .withUserAgent("kubectl-edit/v1.32.4 (linux/amd64)")
            .build();
    try (KubernetesClient kubectlLike = new KubernetesClientBuilder().withConfig(config).build()) {
      kubectlLike
          .configMaps()
          .inNamespace("demo")
          .withName("agent")
          .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"k\":\"b\"}}");
    }

    assertThat(Api.managers(api.get("v1", "ConfigMap", "demo", "agent")))
        .containsExactly("kubectl-edit/Update");
  }

  @Test
  void forcedApplyRepairsDriftThatAnUpdateMade() {
    api.apply("gitops", configMap("drift", "desired"));
    api.send(
        "PATCH",
        "/api/v1/namespaces/demo/configmaps/drift?fieldManager=kubectl-patch",
        "application/strategic-merge-patch+json",
        "{\"data\":{\"k\":\"drifted\"}}");

    Api.Reply plain =
        api.send(
            "PATCH",
            "/api/v1/namespaces/demo/configmaps/drift?fieldManager=gitops",
            Api.APPLY,
            configMap("drift", "desired"));
    Api.Reply forced =
        api.send(
            "PATCH",
            "/api/v1/namespaces/demo/configmaps/drift?fieldManager=gitops&force=true",
            Api.APPLY,
            configMap("drift", "desired"));

    assertThat(plain.code()).isEqualTo(409);
    assertThat(forced.code()).isEqualTo(200);
    assertThat(sandbox.client().configMaps().inNamespace("demo").withName("drift").get().getData())
        .containsEntry("k", "desired");
    assertThat(Api.managers(api.get("v1", "ConfigMap", "demo", "drift")))
        .containsExactly("gitops/Apply");
  }

  @Test
  void staleResourceVersionIsRefused() {
    api.apply("gitops", configMap("stale", "a"));
    ConfigMap old = sandbox.client().configMaps().inNamespace("demo").withName("stale").get();
    api.apply("gitops", configMap("stale", "b"));

    Api.Reply reply =
        api.send(
            "PUT",
            "/api/v1/namespaces/demo/configmaps/stale",
            "application/json",
            sandbox.client().getKubernetesSerialization().asJson(old));

    assertThat(reply.code()).isEqualTo(409);
    assertThat(reply.json()).containsEntry("reason", "Conflict");
  }

  private static PatchContext patch(PatchType type, String manager) {
    return new PatchContext.Builder().withPatchType(type).withFieldManager(manager).build();
  }

  private static String configMap(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "
        + name
        + ", namespace: demo}\ndata: {k: "
        + value
        + "}\n";
  }
}
