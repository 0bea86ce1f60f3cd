package dev.meshplay.gitops.sandbox.patch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.sandbox.document.Documents;
import org.junit.jupiter.api.Test;

class MergePatchTest {

  @Test
  void mergesMapsDeletesNullsAndReplacesLists() {
    var target = Documents.parseObject("{a: {b: 1, c: 2}, l: [{name: x, v: 1}]}");
    var patch = Documents.parseObject("{a: {c: null, d: 4}, l: [{name: y}]}");

    assertThat(MergePatch.apply(target, patch))
        .isEqualTo(Documents.parseObject("{a: {b: 1, d: 4}, l: [{name: y}]}"));
  }

  @Test
  void jsonPatchAppliesOperationsInOrder() {
    var target = Documents.parseObject("{spec: {replicas: 1}}");
    var ops =
        Documents.parse(
            "[{op: replace, path: /spec/replicas, value: 3}, {op: add, path: /x, value: y}]");

    assertThat(JsonPatch.apply(target, ops))
        .isEqualTo(Documents.parseObject("{spec: {replicas: 3}, x: y}"));
  }
}
