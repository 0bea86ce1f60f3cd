package dev.meshplay.gitops.render;

import dev.meshplay.gitops.render.registry.ModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Renders and validates designs offline: each rendered object against its component's JSON Schema
 * (compiled once and cached), Kubernetes name rules (DNS-1123), duplicates, and kinds no model
 * defines (an error, a warning in {@link ValidationMode#LENIENT}). Diagnostics carry file, line,
 * column, and the JSON path of the offending field.
 *
 * <p>The entry point of {@code meshplay-gitops validate PATH...}: a PATH may be a repository, a
 * directory of designs, or a single file.
 */
public final class Validator {
  private static final List<String> REPOSITORY_MARKERS =
      List.of("designs", "manifests", RepositoryValidation.MODELS_DIRECTORY, "meshplay.yaml");

  private final ModelRegistry registry;
  private final ValidationMode mode;

  /**
   * @param registry the models to validate against; a repository's CRDs and {@code models/} are
   *     added per repository
   */
  public Validator(ModelRegistry registry, ValidationMode mode) {
    this.registry = Objects.requireNonNull(registry);
    this.mode = Objects.requireNonNull(mode);
  }

  /** Against the built-in Kubernetes core model. */
  public static Validator kubernetes(ValidationMode mode) {
    return new Validator(ModelRegistry.kubernetes(), mode);
  }

  public ModelRegistry registry() {
    return registry;
  }

  public ValidationMode mode() {
    return mode;
  }

  /** With kustomize and helm found on the PATH ({@link KustomizeRunner#onPath()}). */
  public RenderedSet validate(Path path) {
    return validate(path, KustomizeRunner.onPath(), HelmRunner.onPath());
  }

  /**
   * Renders and validates what {@code path} names. A file or directory inside a repository is
   * rendered relative to that repository (so keys, CRDs and {@code models/} are the repository's);
   * otherwise relative to its parent directory.
   *
   * @throws IllegalArgumentException when {@code path} does not exist
   */
  public RenderedSet validate(Path path, KustomizeRunner kustomize, HelmRunner helm) {
    Path target;
    try {
      target = path.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + path, e);
    }
    var renderer = new RepositoryRenderer(kustomize, helm, this);
    if (Files.isDirectory(target) && isRepository(target)) {
      return renderer.render(target);
    }
    Path root = target.getParent();
    for (Path up = root; up != null; up = up.getParent()) {
      if (isRepository(up)) {
        root = up;
        break;
      }
    }
    String relative = root.relativize(target).toString().replace('\\', '/');
    return renderer.render(root, List.of(relative));
  }

  private static boolean isRepository(Path dir) {
    return REPOSITORY_MARKERS.stream().anyMatch(marker -> Files.exists(dir.resolve(marker)));
  }
}
