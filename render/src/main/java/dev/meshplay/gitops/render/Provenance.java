package dev.meshplay.gitops.render;

/** Where a rendered object was declared: a repository-relative file and a 1-based line. */
public record Provenance(String file, int line) {
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
