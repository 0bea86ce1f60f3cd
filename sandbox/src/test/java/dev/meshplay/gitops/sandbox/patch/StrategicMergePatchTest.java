package dev.meshplay.gitops.sandbox.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.sandbox.document.Documents;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategicMergePatchTest {
  private static final String POD =
      """
      kind: Pod
      metadata: {name: p, labels: {a: "1", b: "2"}, finalizers: [x]}
      spec:
        containers:
        - name: web
          image: nginx:1
          args: [--a]
          ports: [{containerPort: 80}, {containerPort: 9090, name: metrics}]
        - {name: sidecar, image: envoy}
      """;

  @Test
  void mergesContainersByNameAndLeavesOthersAlone() {
    Map<String, Object> patched = patch(POD, "{spec: {containers: [{name: web, image: nginx:2}]}}");

    assertThat(patched).isEqualTo(expected(POD.replace("nginx:1", "nginx:2")));
  }

  @Test
  void replacesListsWithoutMergeKeys() {
    Map<String, Object> patched = patch(POD, "{spec: {containers: [{name: web, args: [--b]}]}}");

    assertThat(patched).isEqualTo(expected(POD.replace("[--a]", "[--b]")));
  }

  @Test
  void mergesPortsByContainerPortWithTheDefaultProtocol() {
    Map<String, Object> patched =
        patch(
            POD,
            "{spec: {containers: [{name: web, ports: [{containerPort: 80, protocol: TCP, name: http}]}]}}");

    assertThat(patched)
        .isEqualTo(
            expected(
                POD.replace(
                    "{containerPort: 80}", "{containerPort: 80, protocol: TCP, name: http}")));
  }

  @Test
  void deletesAnItemMarkedWithPatchDelete() {
    Map<String, Object> patched =
        patch(POD, "{spec: {containers: [{name: sidecar, $patch: delete}]}}");

    assertThat(patched).isEqualTo(expected(POD.replace("  - {name: sidecar, image: envoy}\n", "")));
  }

  @Test
  void deletesMapKeysSetToNull() {
    Map<String, Object> patched = patch(POD, "{metadata: {labels: {b: null}}}");

    assertThat(patched).isEqualTo(expected(POD.replace(", b: \"2\"", "")));
  }

  @Test
  void unionsFinalizersAndRemovesThoseListedForDeletion() {
    Map<String, Object> added = patch(POD, "{metadata: {finalizers: [y]}}");
    Map<String, Object> removed =
        patch(POD, "{metadata: {$deleteFromPrimitiveList/finalizers: [x]}}");

    assertThat(added).isEqualTo(expected(POD.replace("[x]", "[x, y]")));
    assertThat(removed).isEqualTo(expected(POD.replace("[x]", "[]")));
  }

  @Test
  void reordersItemsAsSetElementOrderSays() {
    Map<String, Object> patched =
        patch(POD, "{spec: {$setElementOrder/containers: [{name: sidecar}, {name: web}]}}");

    assertThat(Documents.toJson(patched)).contains("[{\"name\":\"sidecar\"");
  }

  @Test
  void replacesAMapMarkedWithPatchReplace() {
    Map<String, Object> patched = patch(POD, "{metadata: {labels: {c: \"3\", $patch: replace}}}");

    assertThat(patched).isEqualTo(expected(POD.replace("{a: \"1\", b: \"2\"}", "{c: \"3\"}")));
  }

  private static Map<String, Object> patch(String target, String patch) {
    return StrategicMergePatch.apply(Documents.parseObject(target), Documents.parseObject(patch));
  }

  private static Map<String, Object> expected(String yaml) {
    return Documents.parseObject(yaml);
  }
}
