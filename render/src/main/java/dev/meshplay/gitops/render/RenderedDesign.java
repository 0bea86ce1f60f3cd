package dev.meshplay.gitops.render;

import java.util.List;

/**
 * The outcome of rendering one design: its objects, or the diagnostics that explain why not.
 *
 * @param key the repository-relative path that identifies the design (a design file, a kustomize
 *     directory, a Helm chart, or a directory of manifests); stable across renames of {@code name}
 * @param name the human name (a design's {@code name}, or the directory name)
 * @param objects the objects in declaration order; empty when the design failed
 * @param relationships how many Meshery relationships the design declares
 * @param declaredRelationships those relationships as values, ends resolved to objects
 */
public record RenderedDesign(
    String key,
    String name,
    DesignFormat format,
    List<RenderedObject> objects,
    List<Diagnostic> diagnostics,
    int relationships,
    List<Relationship> declaredRelationships) {

  public RenderedDesign {
    objects = List.copyOf(objects);
    diagnostics = List.copyOf(diagnostics);
    declaredRelationships = List.copyOf(declaredRelationships);
  }

  /** A design without relationship values (formats other than Meshery designs). */
  public RenderedDesign(
      String key,
      String name,
      DesignFormat format,
      List<RenderedObject> objects,
      List<Diagnostic> diagnostics,
      int relationships) {
    this(key, name, format, objects, diagnostics, relationships, List.of());
  }

  /** A design with any error diagnostic is not applied, and nothing of it is pruned. */
  public boolean failed() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
