package dev.meshplay.gitops.reconciler.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshplay.gitops.reconciler.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Dogfooding: the manifests that run the daemon in a cluster pass the daemon's own validation —
 * rendered by the real {@code kubectl kustomize}, checked against the built-in model and policy
 * pack — with no errors and no deny findings.
 */
class DeployManifestsTest {
  private static final Path DEPLOY = Path.of("..", "deploy");
  private static final List<String> OVERLAYS = List.of("single", "ha", "namespaced");

  @BeforeAll
  static void kubectlIsThere() {
    boolean kubectl = onPath("kubectl");
    if ("true".equals(System.getenv("CI"))) {
      assertThat(kubectl).as("kubectl on the PATH (CI installs it)").isTrue();
    }
    assumeTrue(kubectl, "kubectl is not on the PATH: the overlays cannot be rendered");
  }

  @Test
  void overlaysValidateWithoutErrorsOrDenyFindings() {
    String[] args =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of("validate"),
                OVERLAYS.stream().map(o -> DEPLOY.resolve("overlays").resolve(o).toString()))
            .toArray(String[]::new);
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    int exit = cli.execute(args);

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString()).contains("0 error(s)").doesNotContain(": deny:");
  }

  @Test
  void haOverlayRunsThreeReplicasUnderADisruptionBudgetWithLeasesAndAClusteredStore()
      throws Exception {
    String rendered = kustomize("ha");

    assertThat(rendered)
        .contains("replicas: 3")
        .contains("kind: PodDisruptionBudget")
        .contains("coordination.k8s.io")
        .contains("sharding:")
        .contains("jdbcUrl: jdbc:postgresql:");
  }

  @Test
  void podIsLockedDown() throws Exception {
    String rendered = kustomize("single");

    assertThat(rendered)
        .contains("readOnlyRootFilesystem: true")
        .contains("runAsNonRoot: true")
        .contains("allowPrivilegeEscalation: false")
        .contains("- ALL")
        .contains("path: /healthz")
        .contains("path: /readyz")
        .contains("inCluster: true");
  }

  private static String kustomize(String overlay) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                "kubectl", "kustomize", DEPLOY.resolve("overlays").resolve(overlay).toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }

  private static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    return java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
  }
}
