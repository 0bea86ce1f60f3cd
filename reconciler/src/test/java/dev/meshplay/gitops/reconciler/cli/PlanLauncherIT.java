package dev.meshplay.gitops.reconciler.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} as CI runs it: through the root launcher on the packaged jar, with the exit code a
 * workflow branches on. The jar was just built by this Maven run, so the launcher does not rebuild.
 */
class PlanLauncherIT {
  private static final Path LAUNCHER = Path.of("..", "meshplay-gitops").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void planAndApplyAreListedWithTheirExitCodes() throws Exception {
    assertThat(run("--help").out()).contains("plan", "apply");
    assertThat(run("plan", "--help").out())
        .contains("--repo", "--base", "--kubeconfig", "--cluster", "2   changes to make");
  }

  @Test
  void planningTheExampleRepositoryExitsTwoWithMarkdownForTheJobSummary() throws Exception {
    Path examples = Path.of("..", "examples-repo").toAbsolutePath().normalize();

    Result result = run("plan", "--repo", examples.toString(), "-o", "markdown");

    assertThat(result.exit()).as(result.out()).isEqualTo(2);
    assertThat(result.out()).contains("<!-- meshplay-gitops:plan -->", "| design | cluster |");
  }

  @Test
  void aMissingRepositoryExitsOneNamingIt() throws Exception {
    Result result = run("plan", "--repo", tmp.resolve("nope").toString(), "--base", "main");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).contains("error:", "nope");
  }

  private record Result(int exit, String out) {}

  private Result run(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("MESHPLAY_GITOPS_SKIP_BUILD", "1");
    builder.environment().put("HOME", tmp.toString());
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out);
  }
}
