package dev.meshplay.gitops.render;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a {@link RepositoryRenderer} rendered and validated for one repository, kept between renders
 * of successive commits so that a commit re-renders and re-validates only the designs whose inputs
 * changed. A render unit is a design file, a manifest file, a kustomize root (its directories and
 * every local file or directory it builds on) or a Helm chart directory, keyed by the SHA-256 of
 * those files; validation is kept per design, keyed by its inputs and by everything repository-wide
 * that validation reads (the CRDs the repository declares, {@code models/}, committed WebAssembly
 * modules). Units and designs that are gone are forgotten at the next render.
 *
 * <p>One cache serves one renderer and one repository; it is not thread-safe (renders of one
 * repository are sequential).
 */
public final class DesignCache {
  private final Map<String, Kept<List<DesignBuilder>>> units = new HashMap<>();
  private final Map<String, Kept<Validated>> validations = new HashMap<>();
  private final Set<String> unitsSeen = new HashSet<>();
  private final Set<String> designsSeen = new HashSet<>();
  private RepositoryRenderer owner;
  private int lastRendered;
  private long rendered;

  private record Kept<T>(String hash, T value) {}

  /** A design's objects after scoping and the diagnostics validation added to it. */
  record Validated(List<RenderedObject> objects, List<Diagnostic> diagnostics) {}

  /** How many render units the most recent render rendered anew (not taken from the cache). */
  public int lastRendered() {
    return lastRendered;
  }

  /** How many render units every render so far rendered anew. */
  public long rendered() {
    return rendered;
  }

  void begin(RepositoryRenderer renderer) {
    if (owner != null && owner != renderer) {
      throw new IllegalStateException("a DesignCache serves one renderer");
    }
    owner = renderer;
    lastRendered = 0;
    unitsSeen.clear();
    designsSeen.clear();
  }

  /** The unit's designs: kept ones when its inputs hash the same, else rendered now. */
  List<DesignBuilder> unit(String key, String hash, Supplier<List<DesignBuilder>> render) {
    unitsSeen.add(key);
    Kept<List<DesignBuilder>> kept = units.get(key);
    if (kept == null || !kept.hash().equals(hash)) {
      List<DesignBuilder> fresh = render.get();
      fresh.forEach(d -> d.inputHash(d.inputHash() == null ? hash : d.inputHash()));
      kept = new Kept<>(hash, fresh.stream().map(DesignBuilder::copy).toList());
      units.put(key, kept);
      lastRendered++;
      rendered++;
    }
    return kept.value().stream().map(DesignBuilder::copy).toList();
  }

  Validated validated(String design, String hash) {
    designsSeen.add(design);
    Kept<Validated> kept = validations.get(design);
    return kept != null && kept.hash().equals(hash) ? kept.value() : null;
  }

  void keepValidated(String design, String hash, Validated validated) {
    validations.put(design, new Kept<>(hash, validated));
  }

  void end() {
    units.keySet().retainAll(unitsSeen);
    validations.keySet().retainAll(designsSeen);
  }
}
