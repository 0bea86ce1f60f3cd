package dev.meshplay.gitops.render;

import static dev.meshplay.gitops.render.TestRepository.design;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictJsonTest {
  @TempDir Path dir;

  @Test
  void aTrailingCommaInAJsonManifestIsAnErrorAtItsLine() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "manifests/app/cm.json",
                """
                {"apiVersion": "v1", "kind": "ConfigMap",
                 "metadata": {"name": "y",},
                 "data": {"a": "b"}}
                """)
            .render();

    RenderedDesign design = design(set, "manifests/app");
    assertThat(design.objects()).isEmpty();
    assertThat(design.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.toString()).startsWith("manifests/app/cm.json:2:"))
        .satisfies(d -> assertThat(d.message()).startsWith("not valid JSON: "));
  }

  @Test
  void aStrictJsonManifestRendersWithItsLines() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "manifests/app/cm.json",
                """
                {"apiVersion": "v1", "kind": "ConfigMap",
                 "metadata": {"name": "y"},
                 "data": {"a": "b"}}
                """)
            .render();

    RenderedDesign design = design(set, "manifests/app");
    assertThat(design.diagnostics()).isEmpty();
    assertThat(design.objects())
        .singleElement()
        .satisfies(o -> assertThat(o.ref().name()).isEqualTo("y"));
  }

  @Test
  void yamlOnlySyntaxIsRefused() {
    assertThatThrownBy(() -> StrictJson.check("{a: 1}"))
        .isInstanceOfSatisfying(YamlException.class, e -> assertThat(e.line()).isEqualTo(1));
    assertThatThrownBy(() -> StrictJson.check("{\"a\": 1,\n // note\n\"b\": 2}"))
        .isInstanceOfSatisfying(
            YamlException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.getMessage())
                  .startsWith("not valid JSON: Unexpected character ('/' (code 47))")
                  .doesNotContain("Feature");
            });
  }

  @Test
  void aSecondTopLevelValueIsAnErrorAtItsLine() {
    assertThatThrownBy(() -> StrictJson.check("{\"a\": 1}\n{\"b\": 2}\n"))
        .isInstanceOfSatisfying(
            YamlException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.getMessage()).contains("more than one value");
            });
  }

  @Test
  void anEmptyJsonFileIsAnError() {
    assertThatThrownBy(() -> StrictJson.check("  \n"))
        .isInstanceOfSatisfying(
            YamlException.class, e -> assertThat(e.getMessage()).contains("holds no value"));
  }
}
