package dev.meshplay.gitops.render;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Renders a Helm chart directory into multi-document YAML. */
@FunctionalInterface
public interface HelmRunner {

  /**
   * @param chart an absolute directory holding {@code Chart.yaml}
   * @throws HelmException when nothing usable was rendered; the message is shown to users
   */
  String template(Path chart) throws HelmException;

  /** {@code helm template} from the PATH with a 60 s timeout and a 64 MiB output cap. */
  static HelmRunner onPath() {
    return command(
        "helm", KubectlKustomize.DEFAULT_TIMEOUT, KubectlKustomize.DEFAULT_MAX_OUTPUT_BYTES);
  }

  /**
   * {@code EXECUTABLE template RELEASE CHART}, the release named after the chart directory; the
   * chart's own {@code values.yaml} applies. Helm never talks to a cluster in this mode.
   */
  static HelmRunner command(String executable, Duration timeout, long maxOutputBytes) {
    var process = new BoundedProcess("helm template", timeout, maxOutputBytes);
    return chart -> {
      String release = chart.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      try {
        return process.run(List.of(executable, "template", release, chart.toString()));
      } catch (BoundedProcess.Failure e) {
        if (e.notFound()) {
          String where = executable.contains("/") ? "at " + executable : "on PATH";
          throw new HelmException(
              "helm was not found " + where + ": Helm charts are rendered with `helm template`", e);
        }
        throw new HelmException(e.getMessage(), e);
      }
    };
  }
}
