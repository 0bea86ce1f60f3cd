package dev.meshplay.gitops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /scale} sets replicas with ownership; {@code /status} writes change only the status. */
class SubresourceConformanceTest extends OneSandbox {
  @Test
  void scaleReadsAsAnAutoscalingV1Scale() {
    api.apply("gitops", deployment("read", 2));

    Api.Reply reply =
        api.send("GET", "/apis/apps/v1/namespaces/demo/deployments/read/scale", null, null);

    assertThat(reply.json())
        .containsEntry("kind", "Scale")
        .containsEntry("apiVersion", "autoscaling/v1")
        .containsEntry("spec", Map.of("replicas", 2L))
        .containsEntry("status", Map.of("replicas", 0L, "selector", "app=web"));
  }

  @Test
  void scalingChangesReplicasOwnedByTheScaler() {
    api.apply("gitops", deployment("scaled", 2));

    sandbox.client().apps().deployments().inNamespace("demo").withName("scaled").scale(4);

    GenericKubernetesResource stored = api.get("apps/v1", "Deployment", "demo", "scaled");
    assertThat(
            sandbox
                .client()
                .apps()
                .deployments()
                .inNamespace("demo")
                .withName("scaled")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(4);
    assertThat(Api.fieldsOf(stored, "fabric8-kubernetes-client", "Update"))
        .isEqualTo("{\"f:spec\":{\"f:replicas\":{}}}");
  }

  @Test
  void statusPatchesChangeOnlyTheStatus() {
    api.apply("gitops", deployment("status", 2));

    Api.Reply reply =
        api.send(
            "PATCH",
            "/apis/apps/v1/namespaces/demo/deployments/status/status",
            "application/strategic-merge-patch+json",
            "{\"spec\":{\"replicas\":9},\"status\":{\"readyReplicas\":2}}");

    assertThat(reply.code()).isEqualTo(200);
    Deployment stored =
        sandbox.client().apps().deployments().inNamespace("demo").withName("status").get();
    assertThat(stored.getStatus().getReadyReplicas()).isEqualTo(2);
    assertThat(stored.getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void statusWritesThroughFabric8KeepTheSpec() {
    api.apply("gitops", deployment("edited", 2));
    var deployments = sandbox.client().apps().deployments().inNamespace("demo");

    deployments
        .withName("edited")
        .editStatus(
            d -> {
              d.setStatus(new DeploymentStatusBuilder().withReplicas(2).build());
              d.getSpec().setReplicas(7);
              return d;
            });
    Deployment live = deployments.withName("edited").get();
    live.getStatus().setReadyReplicas(1);
    deployments.resource(live).updateStatus();

    Deployment stored = deployments.withName("edited").get();
    assertThat(stored.getStatus().getReplicas()).isEqualTo(2);
    assertThat(stored.getStatus().getReadyReplicas()).isEqualTo(1);
    assertThat(stored.getSpec().getReplicas()).isEqualTo(2);
  }

  private static String deployment(String name, int replicas) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s, namespace: demo}
        spec:
          replicas: %d
          selector: {matchLabels: {app: web}}
          template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: nginx}]}}
        """
        .formatted(name, replicas);
  }
}
