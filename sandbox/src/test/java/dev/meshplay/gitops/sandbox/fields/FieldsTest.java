package dev.meshplay.gitops.sandbox.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.sandbox.document.Documents;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FieldsTest {

  @Test
  void ownsNoServerSetOrIdentifyingField() {
    FieldSet owned =
        Fields.owned(
            Documents.parseObject(
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, namespace: demo, uid: x, resourceVersion: "3", labels: {app: a}}
                data: {k: v}
                """));

    assertThat(owned.paths())
        .containsExactly(FieldPath.of("data", "k"), FieldPath.of("metadata", "labels", "app"));
  }

  @Test
  void ownsKeyedItemsWithTheirFieldsAndDefaultsThePortProtocol() {
    FieldSet owned =
        Fields.owned(
            Documents.parseObject(
                """
                kind: Pod
                spec:
                  containers:
                  - name: web
                    ports: [{containerPort: 80}]
                """));
    FieldPath web = FieldPath.of("spec", "containers").child(key(Map.of("name", "web")));
    FieldPath port = web.child("ports").child(key(Map.of("containerPort", 80L, "protocol", "TCP")));

    assertThat(owned.paths())
        .containsExactlyInAnyOrder(web, web.child("name"), port, port.child("containerPort"));
  }

  @Test
  void ownsAtomicListsAndLabelSelectorsWhole() {
    FieldSet owned =
        Fields.owned(
            Documents.parseObject(
                """
                kind: Deployment
                spec:
                  selector: {matchLabels: {app: web}}
                  template: {spec: {containers: [{name: web, args: [a, b]}]}}
                """));

    assertThat(owned.paths())
        .contains(FieldPath.of("spec", "selector"))
        .anyMatch(p -> p.toString().endsWith("[name=\"web\"].args"));
  }

  @Test
  void fallsBackToAtomicWhenItemsLackTheirKey() {
    Map<String, Object> pod = Documents.parseObject("kind: Pod\nspec: {containers: [{image: x}]}");

    assertThat(Fields.owned(pod).paths()).containsExactly(FieldPath.of("spec", "containers"));
  }

  @Test
  void ownsFinalizersOneByOne() {
    Map<String, Object> object = Documents.parseObject("kind: X\nmetadata: {finalizers: [a, b]}");

    assertThat(Fields.owned(object).paths())
        .containsExactly(
            FieldPath.of("metadata", "finalizers").child(new PathElement.Value("a")),
            FieldPath.of("metadata", "finalizers").child(new PathElement.Value("b")));
  }

  @Test
  void listsFreeFormMapsAsNodesForComparisons() {
    Map<String, Object> object = Documents.parseObject("kind: X\nmetadata: {labels: {a: b}}");

    assertThat(Fields.nodes(object).keySet())
        .containsExactly(
            FieldPath.of("metadata", "labels"), FieldPath.of("metadata", "labels", "a"));
    assertThat(List.copyOf(Fields.owned(object).paths()))
        .containsExactly(FieldPath.of("metadata", "labels", "a"));
  }

  private static PathElement.Key key(Map<String, Object> fields) {
    return new PathElement.Key(new TreeMap<>(fields));
  }
}
