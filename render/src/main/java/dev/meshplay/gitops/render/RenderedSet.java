package dev.meshplay.gitops.render;

import java.util.List;

/** Every design of one repository snapshot, sorted by key. */
public record RenderedSet(List<RenderedDesign> designs) {

  public RenderedSet {
    designs = List.copyOf(designs);
  }

  public boolean anyFailed() {
    return designs.stream().anyMatch(RenderedDesign::failed);
  }

  public List<Diagnostic> diagnostics() {
    return designs.stream().flatMap(d -> d.diagnostics().stream()).toList();
  }
}
