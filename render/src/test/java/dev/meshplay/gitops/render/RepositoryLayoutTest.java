package dev.meshplay.gitops.render;

import static dev.meshplay.gitops.render.TestRepository.design;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryLayoutTest {
  @TempDir Path dir;
  @TempDir Path outside;

  @Test
  void hiddenFilesAndDirectoriesAreSkipped() {
    RenderedSet set =
        TestRepository.in(dir)
            .file("manifests/app/.draft.yaml", "not: [valid")
            .file("manifests/.git/config.yaml", "not: [valid")
            .file("manifests/app/cm.yaml", ManifestRenderingTest.configMap("x"))
            .render();

    assertThat(set.designs()).extracting(RenderedDesign::key).containsExactly("manifests/app");
    assertThat(set.anyFailed()).isFalse();
  }

  @Test
  void symlinkOutOfTheRepositoryIsAnError() throws IOException {
    Path secret =
        Files.writeString(outside.resolve("secret.yaml"), ManifestRenderingTest.configMap("s"));
    var repo =
        TestRepository.in(dir).file("manifests/app/cm.yaml", ManifestRenderingTest.configMap("x"));
    Files.createSymbolicLink(dir.resolve("manifests/app/link.yaml"), secret);

    RenderedDesign app = design(repo.render(), "manifests/app");

    assertThat(app.failed()).isTrue();
    assertThat(app.objects()).isEmpty();
    assertThat(app.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "manifests/app/link.yaml:1:1: error: symlink leaves the repository (-> "
                + secret
                + ")");
  }

  @Test
  void symlinkedDirectoryOutOfTheRepositoryIsAnError() throws IOException {
    Files.writeString(outside.resolve("cm.yaml"), ManifestRenderingTest.configMap("s"));
    Files.createDirectories(dir.resolve("designs"));
    Files.createSymbolicLink(dir.resolve("designs/elsewhere"), outside);

    RenderedDesign designs = design(TestRepository.in(dir).render(), "designs");

    assertThat(designs.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).startsWith("symlink leaves the repository"));
  }

  @Test
  void symlinkInsideTheRepositoryIsReadThrough() throws IOException {
    var repo = TestRepository.in(dir).file("shared/cm.yaml", ManifestRenderingTest.configMap("x"));
    Files.createDirectories(dir.resolve("manifests/app"));
    Files.createSymbolicLink(dir.resolve("manifests/app/cm.yaml"), Path.of("../../shared/cm.yaml"));

    RenderedDesign app = design(repo.render(), "manifests/app");

    assertThat(app.objects())
        .extracting(o -> o.provenance().toString())
        .containsExactly("manifests/app/cm.yaml:1");
  }

  @Test
  void aRootThatIsNoDirectoryIsTheCallersMistake() {
    assertThatThrownBy(() -> TestRepository.in(dir.resolve("missing")).render())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
