package dev.meshplay.gitops.render;

import java.nio.file.Path;
import java.util.List;

/**
 * Renders one root kustomization through a {@link KustomizeRunner}. Everything it builds on is
 * checked first: remote bases would make a render depend on the network and on someone else's
 * repository, and paths out of the repository on the machine it runs on, so both fail the design
 * without running anything. Built objects are attributed to the kustomization file's first line.
 */
final class KustomizeDesign {
  private final Path root;
  private final KustomizeRunner runner;

  KustomizeDesign(Path root, KustomizeRunner runner) {
    this.root = root;
    this.runner = runner;
  }

  /**
   * @param closure the root kustomization first, then everything it builds on
   * @param problems problems already found in the directories of the closure
   */
  DesignBuilder render(List<Kustomization> closure, List<Diagnostic> problems) {
    Kustomization top = closure.getFirst();
    var design =
        new DesignBuilder(
            top.dir(), DirectoryDesigns.directoryName(top.dir()), DesignFormat.KUSTOMIZE);
    design.reportAll(problems);
    for (Kustomization kustomization : closure) {
      design.reportAll(kustomization.problems());
      for (Kustomization.Reference reference : kustomization.references()) {
        check(kustomization.file(), reference, design);
      }
    }
    if (design.failed()) {
      return design;
    }
    try {
      String output = runner.build(root.resolve(top.dir()));
      objects(top.file(), "kustomize", YamlReader.read(top.file(), output), design);
    } catch (KustomizeException e) {
      design.report(Diagnostic.error(top.file(), 1, 1, e.getMessage()));
    } catch (RuntimeException e) {
      design.report(Diagnostic.error(top.file(), 1, 1, "kustomize runner failed: " + e));
    } catch (YamlException e) {
      design.report(
          Diagnostic.error(
              top.file(),
              1,
              1,
              "kustomize printed invalid YAML (output line " + e.line() + "): " + e.getMessage()));
    }
    return design;
  }

  private static void check(String file, Kustomization.Reference reference, DesignBuilder design) {
    String message =
        switch (reference.where()) {
          case REMOTE ->
              "remote base "
                  + reference.value()
                  + " is not allowed: a design renders from its repository alone";
          case OUTSIDE_REPOSITORY -> reference.value() + " leads out of the repository";
          case LOCAL -> null;
        };
    if (message != null) {
      design.report(Diagnostic.error(file, reference.line(), reference.column(), message));
    }
  }

  /** The built objects, read as manifests but attributed to the file the tool was run for. */
  static void objects(String file, String tool, List<YamlNode> documents, DesignBuilder design) {
    var built = new DesignBuilder(design.key(), "", DesignFormat.MANIFESTS);
    ManifestReader.read(file, documents, built);
    Provenance provenance = new Provenance(file, 1);
    for (RenderedObject object : built.objects()) {
      design.add(new RenderedObject(object.ref(), object.body(), provenance));
    }
    for (Diagnostic d : built.diagnostics()) {
      String message = d.message() + " (" + tool + " output line " + d.line() + ")";
      design.report(new Diagnostic(d.severity(), file, 1, 1, message));
    }
  }
}
