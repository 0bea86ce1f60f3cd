package dev.meshplay.gitops.sandbox.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.sandbox.document.Documents;
import dev.meshplay.gitops.sandbox.fields.FieldPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSideApplyTest {
  private static final Writer GITOPS = new Writer("gitops", "apps/v1", "2025-01-01T00:00:00Z");
  private static final Writer LATER = new Writer("gitops", "apps/v1", "2025-01-02T00:00:00Z");
  private static final Writer EDIT = new Writer("kubectl-edit", "apps/v1", "2025-01-03T00:00:00Z");

  private static final String WEB =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: demo, labels: {a: "1", b: "2"}}
      spec:
        replicas: 2
        template:
          spec:
            containers:
            - {name: web, image: nginx:1}
            - {name: sidecar, image: envoy}
      """;

  @Test
  void applyCreatesTheObjectAndRecordsTheApplierAsOwner() {
    Map<String, Object> created = applied(null, WEB, GITOPS, false);

    assertThat(created).containsEntry("spec", Documents.parseObject(WEB).get("spec"));
    Map<ManagerId, ManagedEntry> managers = ManagedFields.of(created);
    assertThat(managers).containsOnlyKeys(ManagerId.applier("gitops"));
    ManagedEntry entry = managers.get(ManagerId.applier("gitops"));
    assertThat(entry.time()).isEqualTo(GITOPS.time());
    assertThat(entry.fields().paths())
        .contains(FieldPath.of("spec", "replicas"), FieldPath.of("metadata", "labels", "a"));
  }

  @Test
  void applyRemovesFieldsTheApplierNoLongerSets() {
    Map<String, Object> live = applied(null, WEB, GITOPS, false);
    String smaller =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: demo, labels: {a: "1"}}
        spec:
          replicas: 2
          template: {spec: {containers: [{name: web, image: nginx:1}]}}
        """;

    Map<String, Object> after = applied(live, smaller, LATER, false);

    assertThat(path(after, "metadata", "labels")).isEqualTo(Map.of("a", "1"));
    assertThat(containers(after)).extracting(c -> c.get("name")).containsExactly("web");
  }

  @Test
  void applyKeepsFieldsAnotherApplierAlsoOwns() {
    Map<String, Object> live = applied(null, WEB, GITOPS, false);
    Writer other = new Writer("other", "apps/v1", GITOPS.time());
    String labelB =
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, labels: {b: \"2\"}}";
    live = applied(live, labelB, other, false);

    String withoutB = WEB.replace(", b: \"2\"", "");
    Map<String, Object> after = applied(live, withoutB, LATER, false);

    assertThat(path(after, "metadata", "labels")).isEqualTo(Map.of("a", "1", "b", "2"));
  }

  @Test
  void applyConflictsOnAFieldAnotherManagerSetDifferently() {
    Map<String, Object> live = applied(null, WEB, GITOPS, false);
    Map<String, Object> edited = Documents.copy(live);
    path(edited, "spec").put("replicas", 5L);
    live = ServerSideApply.update(live, edited, EDIT);

    ApplyOutcome outcome = ServerSideApply.apply(live, Documents.parseObject(WEB), LATER, false);

    assertThat(outcome).isInstanceOf(ApplyOutcome.Conflicted.class);
    ApplyOutcome.Conflicted refused = (ApplyOutcome.Conflicted) outcome;
    assertThat(refused.conflicts())
        .containsExactly(
            new Conflict(
                ManagerId.updater("kubectl-edit", "apps/v1"), FieldPath.of("spec", "replicas")));
    assertThat(refused.message())
        .isEqualTo(
            "Apply failed with 1 conflict: conflict with \"kubectl-edit\" using apps/v1: .spec.replicas");
  }

  @Test
  void forcedApplyTakesTheFieldOver() {
    Map<String, Object> live = applied(null, WEB, GITOPS, false);
    Map<String, Object> edited = Documents.copy(live);
    path(edited, "spec").put("replicas", 5L);
    live = ServerSideApply.update(live, edited, EDIT);

    Map<String, Object> after = applied(live, WEB, LATER, true);

    assertThat(path(after, "spec")).containsEntry("replicas", 2L);
    assertThat(ManagedFields.of(after)).containsOnlyKeys(ManagerId.applier("gitops"));
  }

  @Test
  void applyingTheSameValueSharesOwnershipWithoutConflict() {
    Map<String, Object> live = applied(null, WEB, GITOPS, false);
    Writer other = new Writer("other", "apps/v1", GITOPS.time());

    Map<String, Object> after =
        applied(live, "apiVersion: apps/v1\nkind: Deployment\nspec: {replicas: 2}", other, false);

    FieldPath replicas = FieldPath.of("spec", "replicas");
    assertThat(ManagedFields.of(after).values())
        .allMatch(e -> e.fields().contains(replicas))
        .hasSize(2);
  }

  @Test
  void updateOwnsOnlyWhatItChangedAndTakesItFromOthers() {
    Map<String, Object> live = applied(null, WEB, GITOPS, false);
    Map<String, Object> edited = Documents.copy(live);
    path(edited, "spec").put("replicas", 5L);
    path(edited, "metadata").put("annotations", Map.of("note", "x"));

    Map<String, Object> after = ServerSideApply.update(live, edited, EDIT);

    ManagedEntry edit = ManagedFields.of(after).get(ManagerId.updater("kubectl-edit", "apps/v1"));
    assertThat(edit.fields().paths())
        .containsExactly(
            FieldPath.of("metadata", "annotations"),
            FieldPath.of("metadata", "annotations", "note"),
            FieldPath.of("spec", "replicas"));
    assertThat(
            ManagedFields.of(after)
                .get(ManagerId.applier("gitops"))
                .fields()
                .contains(FieldPath.of("spec", "replicas")))
        .isFalse();
  }

  @Test
  void repeatingAnApplyChangesNothingNotEvenTheTime() {
    Map<String, Object> live = applied(null, WEB, GITOPS, false);

    Map<String, Object> again = applied(live, WEB, LATER, false);

    assertThat(again).isEqualTo(live);
  }

  @Test
  void anUpdateThatSetsEmptyManagedFieldsResetsOwnership() {
    Map<String, Object> live = applied(null, WEB, GITOPS, false);
    Map<String, Object> reset = Documents.copy(live);
    path(reset, "metadata").put("managedFields", List.of(Map.of()));

    Map<String, Object> after = ServerSideApply.update(live, reset, EDIT);

    assertThat(path(after, "metadata")).doesNotContainKey("managedFields");
  }

  private static Map<String, Object> applied(
      Map<String, Object> live, String yaml, Writer writer, boolean force) {
    ApplyOutcome outcome = ServerSideApply.apply(live, Documents.parseObject(yaml), writer, force);
    assertThat(outcome).isInstanceOf(ApplyOutcome.Applied.class);
    return ((ApplyOutcome.Applied) outcome).object();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> path(Map<String, Object> object, String... keys) {
    Map<String, Object> node = object;
    for (String key : keys) {
      node = (Map<String, Object>) node.get(key);
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
    return (List<Map<String, Object>>)
        path(deployment, "spec", "template", "spec").get("containers");
  }
}
