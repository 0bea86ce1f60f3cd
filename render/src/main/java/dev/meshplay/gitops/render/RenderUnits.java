package dev.meshplay.gitops.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The render units of one render, each rendered now or taken from a {@link DesignCache} when its
 * input files hash as they did: without a cache, everything is rendered.
 */
final class RenderUnits {
  private final java.nio.file.Path root;
  private final DesignCache cache;
  private final String context;

  /**
   * @param context what every unit's render also depends on (committed WebAssembly digests)
   */
  RenderUnits(java.nio.file.Path root, DesignCache cache, String context) {
    this.root = root;
    this.cache = cache;
    this.context = context;
  }

  /**
   * @param inputs repository-relative files and directories the unit is rendered from
   * @param problems what the repository scan found in them (part of the input)
   */
  List<DesignBuilder> render(
      String key,
      List<String> inputs,
      List<Diagnostic> problems,
      Supplier<List<DesignBuilder>> render) {
    if (cache == null) {
      return render.get();
    }
    InputHash hash = InputHash.under(root).text(context).text(problems.toString());
    inputs.forEach(hash::path);
    return cache.unit(key, hash.hex(), render);
  }

  /** A kustomization's directories and every local path they refer to (bases, resources, …). */
  static List<String> kustomizeInputs(List<Kustomization> closure) {
    Set<String> inputs = new LinkedHashSet<>();
    for (Kustomization kustomization : closure) {
      inputs.add(kustomization.dir());
      for (Kustomization.Reference reference : kustomization.references()) {
        if (reference.where() == Kustomization.Where.LOCAL) {
          inputs.add(reference.path());
        }
      }
    }
    return new ArrayList<>(inputs);
  }
}
