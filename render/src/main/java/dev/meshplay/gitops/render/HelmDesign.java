package dev.meshplay.gitops.render;

import java.nio.file.Path;

/**
 * Renders a Helm chart directory through a {@link HelmRunner}. Objects are attributed to the
 * chart's {@code Chart.yaml}: {@code helm template} output keeps no trace of template lines.
 */
final class HelmDesign {
  private final Path root;
  private final HelmRunner runner;

  HelmDesign(Path root, HelmRunner runner) {
    this.root = root;
    this.runner = runner;
  }

  DesignBuilder render(String dir, java.util.List<Diagnostic> problems) {
    var design = new DesignBuilder(dir, DirectoryDesigns.directoryName(dir), DesignFormat.HELM);
    design.reportAll(problems);
    String chartFile = Kustomization.join(dir, "Chart.yaml");
    try {
      String output = runner.template(root.resolve(dir));
      KustomizeDesign.objects(
          chartFile, "helm template", YamlReader.read(chartFile, output), design);
    } catch (HelmException e) {
      design.report(Diagnostic.error(chartFile, 1, 1, e.getMessage()));
    } catch (YamlException e) {
      design.report(
          Diagnostic.error(
              chartFile,
              1,
              1,
              "helm template printed invalid YAML (output line "
                  + e.line()
                  + "): "
                  + e.getMessage()));
    } catch (RuntimeException e) {
      design.report(Diagnostic.error(chartFile, 1, 1, "helm runner failed: " + e));
    }
    return design;
  }
}
