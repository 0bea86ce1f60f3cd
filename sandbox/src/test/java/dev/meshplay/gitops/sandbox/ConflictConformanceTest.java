package dev.meshplay.gitops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Applying a field another manager owns with another value is a 409, unless forced. */
class ConflictConformanceTest extends OneSandbox {
  @Test
  void applyConflictsWithAStatusNamingTheManagerAndField() {
    api.apply("gitops", replicas("conflict", 2));
    editReplicas("conflict", 5);

    Api.Reply reply =
        api.send(
            "PATCH", path("conflict") + "?fieldManager=gitops", Api.APPLY, replicas("conflict", 2));

    assertThat(reply.code()).isEqualTo(409);
    Map<String, Object> status = reply.json();
    assertThat(status)
        .containsEntry("kind", "Status")
        .containsEntry("status", "Failure")
        .containsEntry("reason", "Conflict")
        .containsEntry("code", 409L)
        .containsEntry(
            "message",
            "Apply failed with 1 conflict: conflict with \"kubectl-edit\" using apps/v1: .spec.replicas");
    assertThat(status.get("details"))
        .isEqualTo(
            Map.of(
                "causes",
                List.of(
                    Map.of(
                        "reason", "FieldManagerConflict",
                        "message", "conflict with \"kubectl-edit\" using apps/v1",
                        "field", ".spec.replicas"))));
    assertThat(deployment("conflict").getAdditionalProperties().get("spec"))
        .asString()
        .contains("replicas=5");
  }

  @Test
  void fabric8SeesTheConflictAsA409() {
    api.apply("gitops", replicas("fabric8", 2));
    editReplicas("fabric8", 5);

    assertThatThrownBy(
            () ->
                sandbox
                    .client()
                    .resource(api.object(replicas("fabric8", 2)))
                    .fieldManager("gitops")
                    .serverSideApply())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void forcedApplyTakesTheFieldOver() {
    api.apply("gitops", replicas("forced", 2));
    editReplicas("forced", 5);

    Api.Reply reply =
        api.send(
            "PATCH",
            path("forced") + "?fieldManager=gitops&force=true",
            Api.APPLY,
            replicas("forced", 2));

    assertThat(reply.code()).isEqualTo(200);
    GenericKubernetesResource stored = deployment("forced");
    assertThat(Api.fieldsOf(stored, "gitops", "Apply")).contains("f:replicas");
    assertThat(Api.managers(stored)).containsExactly("gitops/Apply");
  }

  @Test
  void sameValueIsSharedWithoutConflict() {
    api.apply("gitops", replicas("shared", 3));

    Api.Reply reply =
        api.send(
            "PATCH", path("shared") + "?fieldManager=autoscaler", Api.APPLY, replicas("shared", 3));

    assertThat(reply.code()).isEqualTo(200);
    GenericKubernetesResource stored = deployment("shared");
    assertThat(Api.fieldsOf(stored, "gitops", "Apply")).contains("f:replicas");
    assertThat(Api.fieldsOf(stored, "autoscaler", "Apply")).contains("f:replicas");
  }

  @Test
  void conflictsWithAnotherApplierNameItWithoutApiVersion() {
    api.apply("gitops", replicas("appliers", 2));

    Api.Reply reply =
        api.send(
            "PATCH",
            path("appliers") + "?fieldManager=autoscaler",
            Api.APPLY,
            replicas("appliers", 4));

    assertThat(reply.json().get("message"))
        .isEqualTo("Apply failed with 1 conflict: conflict with \"gitops\": .spec.replicas");
  }

  private void editReplicas(String name, int replicas) {
    Api.Reply edit =
        api.send(
            "PATCH",
            path(name) + "?fieldManager=kubectl-edit",
            "application/merge-patch+json",
            "{\"spec\":{\"replicas\":" + replicas + "}}");
    assertThat(edit.code()).isEqualTo(200);
  }

  private GenericKubernetesResource deployment(String name) {
    return api.get("apps/v1", "Deployment", "demo", name);
  }

  private static String path(String name) {
    return "/apis/apps/v1/namespaces/demo/deployments/" + name;
  }

  private static String replicas(String name, int replicas) {
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: "
        + name
        + ", namespace: demo}\nspec: {replicas: "
        + replicas
        + "}\n";
  }
}
