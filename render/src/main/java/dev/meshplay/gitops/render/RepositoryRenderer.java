package dev.meshplay.gitops.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a design repository: every design under {@code designs/} and {@code manifests/} becomes a
 * {@link RenderedDesign} holding its objects, or the diagnostics that explain why it has none. One
 * broken design never stops the others. With a {@link Validator}, every object is also checked
 * against the model registry (see {@link Validator} for what that adds).
 */
public final class RepositoryRenderer {
  private final KustomizeRunner kustomize;
  private final HelmRunner helm;
  private final Validator validator;

  /** Renders without schema validation; Helm charts go to {@code helm} on the PATH. */
  public RepositoryRenderer(KustomizeRunner kustomize) {
    this(kustomize, HelmRunner.onPath());
  }

  /** Renders without schema validation. */
  public RepositoryRenderer(KustomizeRunner kustomize, HelmRunner helm) {
    this.kustomize = Objects.requireNonNull(kustomize);
    this.helm = Objects.requireNonNull(helm);
    this.validator = null;
  }

  /** Renders and validates every object against the validator's registry and mode. */
  public RepositoryRenderer(KustomizeRunner kustomize, HelmRunner helm, Validator validator) {
    this.kustomize = Objects.requireNonNull(kustomize);
    this.helm = Objects.requireNonNull(helm);
    this.validator = Objects.requireNonNull(validator);
  }

  /**
   * Never throws for bad repository content; problems become diagnostics on the design they
   * concern, and designs are sorted by key.
   *
   * @param repoRoot an existing directory (a checked-out snapshot)
   * @throws IllegalArgumentException when {@code repoRoot} is not a readable directory
   */
  public RenderedSet render(Path repoRoot) {
    return render(realDirectory(repoRoot), RepositoryLayout.RENDERED_DIRECTORIES);
  }

  /**
   * @param root the repository's real path
   * @param tops what to render in it: directories or single files, repository-relative
   */
  RenderedSet render(Path root, List<String> tops) {
    RepositoryLayout layout = RepositoryLayout.scan(root, tops);
    WasmDigests wasm = WasmDigests.check(root, layout);
    Map<String, List<Diagnostic>> problems = layout.problemsByOwner();
    KustomizationGraph graph = KustomizationGraph.of(root, layout.kustomizationDirectories());

    List<DesignBuilder> designs = new ArrayList<>();
    var kustomizeDesign = new KustomizeDesign(root, kustomize);
    for (String dir : graph.roots()) {
      List<Kustomization> closure = graph.closure(dir);
      List<Diagnostic> closureProblems = new ArrayList<>();
      closure.forEach(k -> closureProblems.addAll(problems.getOrDefault(k.dir(), List.of())));
      designs.add(kustomizeDesign.render(closure, closureProblems));
    }
    var helmDesign = new HelmDesign(root, helm);
    for (String chart : layout.chartDirectories()) {
      designs.add(helmDesign.render(chart, problems.getOrDefault(chart, List.of())));
    }
    Map<String, List<String>> loose = layout.looseFiles();
    problems.keySet().stream()
        .filter(owner -> !layout.kustomizationDirectories().contains(owner))
        .filter(owner -> !layout.chartDirectories().contains(owner))
        .forEach(owner -> loose.putIfAbsent(owner, List.of()));
    loose.forEach(
        (dir, files) ->
            designs.addAll(
                DirectoryDesigns.render(root, dir, files, problems.getOrDefault(dir, List.of()))));

    designs.forEach(wasm::fill);
    designs.sort(Comparator.comparing(DesignBuilder::key));
    DuplicateObjects.report(designs);
    if (validator != null) {
      RepositoryValidation.validate(root, designs, validator);
      designs.sort(Comparator.comparing(DesignBuilder::key));
    }
    return new RenderedSet(designs.stream().map(DesignBuilder::build).toList());
  }

  static Path realDirectory(Path repoRoot) {
    try {
      Path root = repoRoot.toRealPath();
      if (!Files.isDirectory(root)) {
        throw new IllegalArgumentException("not a directory: " + repoRoot);
      }
      return root;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read repository at " + repoRoot, e);
    }
  }
}
