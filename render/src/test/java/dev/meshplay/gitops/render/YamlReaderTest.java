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

  @Test
  void aCustomTagIsAnErrorAtItsLine() {
    assertThatThrownBy(() -> YamlReader.read("f.yaml", "data:\n  a: !vault secret/x\n"))
        .isInstanceOfSatisfying(
            YamlException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.getMessage()).startsWith("tag !vault is not supported");
            });
  }

  @Test
  void aLanguageTagIsAnErrorEvenOnAMapping() {
    assertThatThrownBy(
            () ->
                YamlReader.read("f.yaml", "kind: X\nmetadata: !!python/object:os.system {a: 1}\n"))
        .isInstanceOfSatisfying(
            YamlException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.getMessage())
                  .startsWith("tag !!python/object:os.system is not supported");
            });
  }

  @Test
  void aTagOnAKeyIsCheckedToo() {
    assertThatThrownBy(() -> YamlReader.read("f.yaml", "a: 1\n!env b: 2\n"))
        .isInstanceOfSatisfying(
            YamlException.class, e -> assertThat(e.getMessage()).startsWith("tag !env"));
  }

  @Test
  void aStandardTagOnTheWrongKindOfNodeIsAnError() {
    assertThatThrownBy(() -> YamlReader.read("f.yaml", "a: !!map [1, 2]\n"))
        .isInstanceOfSatisfying(
            YamlException.class,
            e -> assertThat(e.getMessage()).isEqualTo("tag !!map cannot mark a sequence"));
  }

  @Test
  void standardTagsKeepTheirMeaning() throws YamlException {
    var map =
        (YamlNode.Mapping)
            YamlReader.read(
                    "f.yaml", "s: !!str 1\ni: !!int \"2\"\nm: !!map {k: v}\nl: !!seq [x]\nn: ! 3\n")
                .getFirst();

    assertThat(map.toValue())
        .isEqualTo(Map.of("s", "1", "i", 2, "m", Map.of("k", "v"), "l", List.of("x"), "n", "3"));
  }
}
