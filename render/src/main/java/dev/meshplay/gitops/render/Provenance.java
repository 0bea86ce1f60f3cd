package dev.meshplay.gitops.render;

/**
 * Where a rendered object was declared: a repository-relative file and a 1-based line, and for a
 * Meshery component also the design's {@code id} and the component's {@code id} (null otherwise),
 * which policies and relationships refer to.
 */
public record Provenance(String file, int line, String designId, String componentId) {

  /** An object that is not a Meshery component. */
  public Provenance(String file, int line) {
    this(file, line, null, null);
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
