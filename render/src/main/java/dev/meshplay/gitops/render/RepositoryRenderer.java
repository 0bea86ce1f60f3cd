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
    return render(realDirectory(repoRoot), RepositoryLayout.RENDERED_DIRECTORIES, null);
  }

  /**
   * The same, taking every design whose input files did not change since the previous render with
   * {@code cache} from it instead of rendering and validating it again ({@link DesignCache}).
   */
  public RenderedSet render(Path repoRoot, DesignCache cache) {
    cache.begin(this);
    try {
      return render(realDirectory(repoRoot), RepositoryLayout.RENDERED_DIRECTORIES, cache);
    } finally {
      cache.end();
    }
  }

  /**
   * @param root the repository's real path
   * @param tops what to render in it: directories or single files, repository-relative
   */
  RenderedSet render(Path root, List<String> tops) {
    return render(root, tops, null);
  }

  private RenderedSet render(Path root, List<String> tops, DesignCache cache) {
    RepositoryLayout layout = RepositoryLayout.scan(root, tops);
    WasmDigests wasm = WasmDigests.check(root, layout);
    Map<String, List<Diagnostic>> problems = layout.problemsByOwner();
    KustomizationGraph graph = KustomizationGraph.of(root, layout.kustomizationDirectories());
    // Committed WebAssembly modules are filled into objects of any design: a change re-renders all.
    String context = wasm.fingerprint();
    RenderUnits units = new RenderUnits(root, cache, context);

    List<DesignBuilder> designs = new ArrayList<>();
    var kustomizeDesign = new KustomizeDesign(root, kustomize);
    for (String dir : graph.roots()) {
      List<Kustomization> closure = graph.closure(dir);
      List<Diagnostic> closureProblems = new ArrayList<>();
      closure.forEach(k -> closureProblems.addAll(problems.getOrDefault(k.dir(), List.of())));
      designs.addAll(
          units.render(
              "kustomize:" + dir,
              RenderUnits.kustomizeInputs(closure),
              closureProblems,
              () -> List.of(kustomizeDesign.render(closure, closureProblems))));
    }
    var helmDesign = new HelmDesign(root, helm);
    for (String chart : layout.chartDirectories()) {
      List<Diagnostic> chartProblems = problems.getOrDefault(chart, List.of());
      designs.addAll(
          units.render(
              "helm:" + chart,
              List.of(chart),
              chartProblems,
              () -> List.of(helmDesign.render(chart, chartProblems))));
    }
    Map<String, List<String>> loose = layout.looseFiles();
    problems.keySet().stream()
        .filter(owner -> !layout.kustomizationDirectories().contains(owner))
        .filter(owner -> !layout.chartDirectories().contains(owner))
        .forEach(owner -> loose.putIfAbsent(owner, List.of()));
    loose.forEach(
        (dir, files) -> {
          List<DesignBuilder> perFile = new ArrayList<>();
          for (String file : files) {
            perFile.addAll(
                units.render(
                    "file:" + file,
                    List.of(file),
                    List.of(),
                    () -> List.of(DirectoryDesigns.renderFile(root, dir, file))));
          }
          designs.addAll(
              DirectoryDesigns.assemble(dir, perFile, problems.getOrDefault(dir, List.of())));
        });

    designs.forEach(wasm::fill);
    designs.sort(Comparator.comparing(DesignBuilder::key));
    DuplicateObjects.report(designs);
    if (validator != null) {
      RepositoryValidation.validate(root, designs, validator, cache, context);
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
