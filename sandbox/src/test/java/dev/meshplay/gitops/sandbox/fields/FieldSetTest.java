package dev.meshplay.gitops.sandbox.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.sandbox.document.Documents;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FieldSetTest {
  private static final FieldPath CONTAINERS =
      FieldPath.of("spec", "template", "spec", "containers");
  private static final FieldPath WEB = CONTAINERS.child(key("name", "web"));

  @Test
  void encodesLeavesAsEmptyObjectsAndItemsWithADot() {
    FieldSet set =
        FieldSet.of(
            FieldPath.of("spec", "replicas"),
            WEB,
            WEB.child("image"),
            WEB.child("name"),
            FieldPath.of("metadata", "finalizers").child(new PathElement.Value("example.com/x")));

    assertThat(Documents.toJson(set.toFieldsV1()))
        .isEqualTo(
            "{\"f:metadata\":{\"f:finalizers\":{\"v:\\\"example.com/x\\\"\":{}}},"
                + "\"f:spec\":{\"f:replicas\":{},\"f:template\":{\"f:spec\":{\"f:containers\":"
                + "{\"k:{\\\"name\\\":\\\"web\\\"}\":{\".\":{},\"f:image\":{},\"f:name\":{}}}}}}}");
  }

  @Test
  void decodesWhatItEncodes() {
    FieldSet set = FieldSet.of(FieldPath.of("data", "a"), WEB, WEB.child("image"));

    assertThat(FieldSet.fromFieldsV1(Documents.copy(set.toFieldsV1()))).isEqualTo(set);
  }

  @Test
  void decodesKeysWithNumbersAsTheSameKeys() {
    Map<String, Object> fieldsV1 =
        Documents.parseObject(
            "{\"f:ports\":{\"k:{\\\"containerPort\\\":80,\\\"protocol\\\":\\\"TCP\\\"}\":{\".\":{}}}}");
    TreeMap<String, Object> key = new TreeMap<>(Map.of("containerPort", 80L, "protocol", "TCP"));

    assertThat(FieldSet.fromFieldsV1(fieldsV1).paths())
        .containsExactly(FieldPath.of("ports").child(new PathElement.Key(key)));
  }

  @Test
  void printsPathsAsTheApiServerDoes() {
    assertThat(WEB.child("image").toString())
        .isEqualTo(".spec.template.spec.containers[name=\"web\"].image");
    assertThat(FieldPath.of("spec", "replicas").toString()).isEqualTo(".spec.replicas");
  }

  @Test
  void supportsSetArithmetic() {
    FieldPath a = FieldPath.of("a");
    FieldPath b = FieldPath.of("b");
    FieldPath c = FieldPath.of("c");

    assertThat(FieldSet.of(a, b).union(FieldSet.of(c)).paths()).containsExactly(a, b, c);
    assertThat(FieldSet.of(a, b).difference(FieldSet.of(b)).paths()).containsExactly(a);
    assertThat(FieldSet.of(a, b).intersection(FieldSet.of(b, c)).paths()).containsExactly(b);
  }

  private static PathElement.Key key(String name, Object value) {
    return new PathElement.Key(new TreeMap<>(Map.of(name, value)));
  }
}
