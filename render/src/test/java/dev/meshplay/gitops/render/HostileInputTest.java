package dev.meshplay.gitops.render;

import static dev.meshplay.gitops.render.TestRepository.design;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input written to hurt the reconciler fails its own design quickly instead of the process. */
class HostileInputTest {
  @TempDir Path dir;

  @Test
  void billionLaughsFailsFast() {
    StringBuilder bomb =
        new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    bomb.append("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append(
          "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n"
              .formatted(i, i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1));
    }

    RenderedSet set =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> TestRepository.in(dir).file("manifests/bomb/cm.yaml", bomb.toString()).render());

    assertThat(design(set, "manifests/bomb").diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("aliases"));
  }

  @Test
  void aliasExpansionUnderTheAliasCountStillHasABudget() {
    // 40 aliases, each doubling: few enough for the alias limit, 2^20 values once expanded.
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
    for (int i = 1; i <= 20; i++) {
      bomb.append("a%d: &a%d [*a%d, *a%d]\n".formatted(i, i, i - 1, i - 1));
    }

    RenderedSet set =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> TestRepository.in(dir).file("manifests/bomb/cm.yaml", bomb.toString()).render());

    assertThat(design(set, "manifests/bomb").diagnostics().getFirst().message())
        .contains("alias bomb");
  }

  @Test
  void recursiveAliasIsRefused() {
    RenderedSet set =
        TestRepository.in(dir).file("manifests/loop/cm.yaml", "a: &a [*a]\n").render();

    assertThat(design(set, "manifests/loop").diagnostics().getFirst().message())
        .contains("recursive alias");
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() {
    String deep = "a: " + "[".repeat(100_000) + "\n";

    RenderedSet set = TestRepository.in(dir).file("manifests/deep/cm.yaml", deep).render();

    assertThat(design(set, "manifests/deep").diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.toString()).contains("cm.yaml:1:").contains("nesting deeper"));
  }

  @Test
  void fileOverFiveMebibytesIsRefusedUnread() {
    byte[] huge =
        ("# " + "x".repeat(1023) + "\n").repeat(5 * 1024 + 1).getBytes(StandardCharsets.UTF_8);

    RenderedSet set = TestRepository.in(dir).bytes("manifests/huge/big.yaml", huge).render();

    assertThat(design(set, "manifests/huge").diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("limited to 5 MiB"));
  }

  @Test
  void fileWithNulBytesIsRefusedAtTheirLine() {
    byte[] binary = "apiVersion: v1\nkind: \0ConfigMap\n".getBytes(StandardCharsets.UTF_8);

    RenderedSet set = TestRepository.in(dir).bytes("manifests/bin/cm.yaml", binary).render();

    assertThat(design(set, "manifests/bin").diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "manifests/bin/cm.yaml:2:1: error: file contains NUL bytes (binary, not YAML)");
  }
}
