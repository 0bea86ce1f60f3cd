package dev.meshplay.gitops.render;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which kustomizations build on which. Only roots are designs: an overlay is rendered, its base is
 * not (it would otherwise be applied twice, once bare and once patched).
 */
final class KustomizationGraph {
  private final Path root;
  private final Map<String, Kustomization> read = new HashMap<>();
  private final Set<String> roots = new TreeSet<>();

  private KustomizationGraph(Path root) {
    this.root = root;
  }

  /**
   * @param root the repository's real path
   * @param found the kustomization directories found under the rendered directories
   */
  static KustomizationGraph of(Path root, Collection<String> found) {
    var graph = new KustomizationGraph(root);
    Set<String> referenced = new LinkedHashSet<>();
    for (String dir : found) {
      for (String base : graph.bases(graph.kustomization(dir))) {
        if (!base.equals(dir)) {
          referenced.add(base);
        }
      }
    }
    found.stream().filter(dir -> !referenced.contains(dir)).forEach(graph.roots::add);
    // A cycle has no root; render its members so they fail loudly instead of vanishing.
    Set<String> reached = new LinkedHashSet<>();
    graph.roots.forEach(r -> graph.closure(r).forEach(k -> reached.add(k.dir())));
    found.stream().filter(dir -> !reached.contains(dir)).forEach(graph.roots::add);
    return graph;
  }

  Set<String> roots() {
    return roots;
  }

  /** Every kustomization a root builds on, the root first, each once. */
  List<Kustomization> closure(String dir) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(dir));
    List<Kustomization> closure = new ArrayList<>();
    while (!pending.isEmpty()) {
      String next = pending.poll();
      if (seen.add(next)) {
        Kustomization kustomization = kustomization(next);
        closure.add(kustomization);
        pending.addAll(bases(kustomization));
      }
    }
    return closure;
  }

  /** The local references that are themselves kustomization directories. */
  private List<String> bases(Kustomization kustomization) {
    return kustomization.references().stream()
        .filter(r -> r.where() == Kustomization.Where.LOCAL)
        .map(Kustomization.Reference::path)
        .filter(path -> Files.isDirectory(root.resolve(path)))
        .filter(path -> Kustomization.fileName(root.resolve(path)).isPresent())
        .toList();
  }

  private Kustomization kustomization(String dir) {
    return read.computeIfAbsent(dir, d -> Kustomization.read(root, d));
  }
}
