package dev.meshplay.gitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A design repository written file by file into a temporary directory, then rendered. */
final class TestRepository {
  static final Path CORPUS = Path.of("../../shared/corpus/meshery");

  private final Path root;

  private TestRepository(Path root) {
    this.root = root;
  }

  static TestRepository in(Path root) {
    return new TestRepository(root);
  }

  Path root() {
    return root;
  }

  TestRepository file(String path, String text) {
    return bytes(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  TestRepository bytes(String path, byte[] content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  TestRepository copy(Path source, String path) {
    try {
      return bytes(path, Files.readAllBytes(source));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Renders with a kustomize runner that fails the test if anything asks for it. */
  RenderedSet render() {
    return render(
        dir -> {
          throw new AssertionError("kustomize must not run for " + dir);
        });
  }

  RenderedSet render(KustomizeRunner kustomize) {
    return new RepositoryRenderer(kustomize).render(root);
  }

  static RenderedDesign design(RenderedSet set, String key) {
    Optional<RenderedDesign> design =
        set.designs().stream().filter(d -> d.key().equals(key)).findFirst();
    assertThat(design).as("design %s in %s", key, set.designs()).isPresent();
    return design.orElseThrow();
  }

  static RenderedObject object(RenderedDesign design, String kind, String name) {
    Optional<RenderedObject> object =
        design.objects().stream()
            .filter(o -> o.ref().kind().equals(kind) && o.ref().name().equals(name))
            .findFirst();
    assertThat(object).as("%s/%s in %s", kind, name, design.objects()).isPresent();
    return object.orElseThrow();
  }
}
