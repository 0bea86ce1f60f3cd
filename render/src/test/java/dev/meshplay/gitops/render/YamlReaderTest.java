package dev.meshplay.gitops.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

  @Test
  void positionsAreOneBasedLinesAndColumns() throws YamlException {
    List<YamlNode> documents = YamlReader.read("f.yaml", "a: 1\nlist:\n  - x: 1\n    y: 2\n");

    var root = (YamlNode.Mapping) documents.getFirst();
    var item = (YamlNode.Mapping) root.sequence("list").orElseThrow().items().getFirst();
    assertThat(item.position()).isEqualTo(new YamlNode.Position(3, 5));
    assertThat(root.entries().get("list").keyPosition()).isEqualTo(new YamlNode.Position(2, 1));
  }

  @Test
  void emptyDocumentsAreNulls() throws YamlException {
    List<YamlNode> documents = YamlReader.read("f.yaml", "---\n---\na: 1\n");

    assertThat(documents).hasSize(2);
    assertThat(documents.getFirst().isNull()).isTrue();
  }

  @Test
  void coreSchemaScalarsBecomeJavaTypes() throws YamlException {
    var map =
        (YamlNode.Mapping)
            YamlReader.read(
                    "f.yaml",
                    "i: 0x1F\nb: True\nf: .inf\nn: null\ns: yes\nbig: 12345678901234567890\n")
                .getFirst();

    @SuppressWarnings("unchecked")
    var values = (Map<String, Object>) map.toValue();
    assertThat(values)
        .containsEntry("i", 31)
        .containsEntry("b", true)
        .containsEntry("f", Double.POSITIVE_INFINITY)
        .containsEntry("n", null)
        .containsEntry("s", "yes")
        .containsEntry("big", new BigInteger("12345678901234567890"));
  }

  @Test
  void invalidTypedScalarIsAnErrorAtItsPosition() {
    assertThatThrownBy(() -> YamlReader.read("f.yaml", "a:\n  b: !!int nope\n"))
        .isInstanceOfSatisfying(
            YamlException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(6);
            });
  }
}
