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
 * broken design never stops the others.
 */
public final class RepositoryRenderer {
  private final KustomizeRunner kustomize;

  public RepositoryRenderer(KustomizeRunner kustomize) {
    this.kustomize = Objects.requireNonNull(kustomize);
  }

  /**
   * Never throws for bad repository content; problems become diagnostics on the design they
   * concern, and designs are sorted by key.
   *
   * @param repoRoot an existing directory (a checked-out snapshot)
   * @throws IllegalArgumentException when {@code repoRoot} is not a readable directory
   */
  public RenderedSet render(Path repoRoot) {
    Path root = realDirectory(repoRoot);
    RepositoryLayout layout = RepositoryLayout.scan(root);
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
    Map<String, List<String>> loose = layout.looseFiles();
    problems.keySet().stream()
        .filter(owner -> !layout.kustomizationDirectories().contains(owner))
        .forEach(owner -> loose.putIfAbsent(owner, List.of()));
    loose.forEach(
        (dir, files) ->
            designs.addAll(
                DirectoryDesigns.render(root, dir, files, problems.getOrDefault(dir, List.of()))));

    designs.sort(Comparator.comparing(DesignBuilder::key));
    DuplicateObjects.report(designs);
    return new RenderedSet(designs.stream().map(DesignBuilder::build).toList());
  }

  private static Path realDirectory(Path repoRoot) {
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
