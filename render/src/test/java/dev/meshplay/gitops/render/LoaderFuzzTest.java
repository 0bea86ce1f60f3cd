package dev.meshplay.gitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.meshplay.gitops.render.registry.ModelRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Coverage-guided fuzzing of the design loader: any bytes, as a plain manifest or a design file,
 * render to objects or to diagnostics, never to an exception. Plain runs replay the inputs under
 * {@code LoaderFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes (see docs/reliability.md).
 */
class LoaderFuzzTest {
  private static final List<String> PLACES =
      List.of("manifests/app/input.yaml", "designs/input.yaml", "designs/input.json");
  private static final RepositoryRenderer RENDERER =
      new RepositoryRenderer(
          dir -> {
            throw new KustomizeException("kustomize is not part of this fuzz target");
          },
          HelmRunner.onPath(),
          new Validator(ModelRegistry.kubernetes(), ValidationMode.DEFAULT));

  @FuzzTest(maxDuration = "30s")
  void anyInputRendersToObjectsOrDiagnostics(FuzzedDataProvider data) {
    String place = PLACES.get(data.consumeInt(0, PLACES.size() - 1));
    byte[] content = data.consumeRemainingAsBytes();
    Path repository = write(place, content);
    try {
      RenderedSet set = RENDERER.render(repository);
      for (RenderedDesign design : set.designs()) {
        for (Diagnostic d : design.diagnostics()) {
          assertThat(d.file()).as("diagnostic %s names a file", d).isNotBlank();
          assertThat(d.message()).as("diagnostic in %s has a message", d.file()).isNotBlank();
        }
      }
    } finally {
      delete(repository);
    }
  }

  private static Path write(String place, byte[] content) {
    try {
      Path root = Files.createTempDirectory("loader-fuzz");
      Path file = root.resolve(place);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
