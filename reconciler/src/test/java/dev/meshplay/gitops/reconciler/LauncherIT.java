package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.perf.demo.DemoTarget;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's front door: the root launcher script runs the packaged jar. The jar was just built
 * by this Maven run, so the launcher is told not to rebuild it.
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("..", "meshplay-gitops").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void helpListsTheCommandsAndExitsZero() throws Exception {
    Result result = run("--help");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("Usage: meshplay-gitops", "demo", "serve", "Exit codes:");
  }

  @Test
  void everyCommandHasHelp() throws Exception {
    assertThat(run("demo", "--help").out()).contains("--port", "--work-dir");
    assertThat(run("serve", "--help").out()).contains("--config");
  }

  @Test
  void wrongUsageExitsTwoWithAMessage() throws Exception {
    Result result = run("serve");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).contains("Missing required option: '--config=<configFile>'");
  }

  @Test
  void aBadConfigExitsOneNamingTheSetting() throws Exception {
    Path config = tmp.resolve("serve.yaml");
    Files.writeString(config, "sources:\n  - name: a\n");

    Result result = run("serve", "--config", config.toString());

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).contains("error: serve.yaml: sources[0].url: required");
  }

  @Test
  void demoSeedsTheRepositoryServesThePageAndStopsCleanly() throws Exception {
    Path work = tmp.resolve("work");
    Process demo = start("demo", "--port", "0", "--work-dir", work.toString());
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      String url = null;
      while ((line = out.readLine()) != null) {
        if (line.contains("Status page:")) {
          url = line.replaceAll(".*(http://127\\.0\\.0\\.1:\\d+).*", "$1");
          break;
        }
      }
      assertThat(url).as("the demo prints its URL").startsWith("http://127.0.0.1:");
      assertThat(work.resolve("repo/.git")).isDirectory();
      assertThat(work.resolve("repo/designs/webapp.yaml")).isRegularFile();
      assertThat(Files.readString(work.resolve("kubeconfig")))
          .contains("server: http://127.0.0.1:");
      StatusClient page = new StatusClient(Integer.parseInt(url.replaceAll(".*:", "")));
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(30))
          .until(() -> page.appliedCommit() != null);
      assertThat(page.get("/").body()).contains("webapp", "Seed from examples-repo");

      // SIGTERM, as Ctrl-C would; through the handle so our end of the pipes stays open.
      demo.toHandle().destroy();
      assertThat(demo.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(out.lines().toList()).contains("Stopped.");
    } finally {
      demo.destroyForcibly();
    }
  }

  @Test
  void serveReconcilesTheConfiguredSourceIntoTheSandbox() throws Exception {
    Path repoDir = tmp.resolve("designs");
    try (DesignRepository repo = DesignRepository.init(repoDir)) {
      repo.write(
              "manifests/team/ns.yaml",
              "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n")
          .commit("team namespace");
    }
    Path config = tmp.resolve("serve.yaml");
    Files.writeString(
        config,
        "port: 0\ninterval: 500ms\nworkDir: state\nsources:\n  - name: team\n    url: "
            + repoDir
            + "\ncluster:\n  sandbox: true\n");
    Process serve = start("serve", "--config", config.toString());
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      String port = null;
      while ((line = out.readLine()) != null && port == null) {
        if (line.startsWith("Serving ")) {
          port = line.replaceAll(".*:(\\d+)$", "$1");
        }
      }
      assertThat(port).as("serve prints where the page is").isNotNull();
      StatusClient page = new StatusClient(Integer.parseInt(port));
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(30))
          .until(() -> page.get("/readyz").statusCode() == 200);
      assertThat(page.design("team").path("status").asString()).isEqualTo("Synced");
      assertThat(tmp.resolve("state/mirrors/team.git")).isDirectory();
    } finally {
      serve.toHandle().destroy();
      serve.waitFor(20, TimeUnit.SECONDS);
      serve.destroyForcibly();
    }
  }

  @Test
  void benchRunMeasuresAProfileAndPrintsTheResultDocument() throws Exception {
    try (DemoTarget target =
        DemoTarget.start(
            DemoTarget.Settings.loopback().withPort(0).withLatency(java.time.Duration.ZERO))) {
      Path profile = tmp.resolve("quick.yaml");
      Files.writeString(
          profile,
          """
          name: quick
          endpoints: [%s]
          concurrentRequest: 2
          qps: 0
          warmup: 1s
          duration: 2s
          thresholds: ["errorRate < 1%%"]
          """
              .formatted(target.uri("/")));

      // An unreachable Prometheus costs the server metrics, not the result.
      Process bench =
          start(
              "bench",
              "run",
              profile.toString(),
              "-o",
              "json",
              "--prometheus",
              "http://127.0.0.1:1");
      String out = new String(bench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(bench.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(bench.exitValue()).as(out).isZero();
      assertThat(out).contains("warning: ", ": no server metrics from http://127.0.0.1:1");
      var json =
          tools.jackson.databind.json.JsonMapper.builder()
              .build()
              .readTree(out.substring(out.indexOf('{')));
      assertThat(json.has("server_metrics")).isFalse();
      assertThat(json.path("actual_qps").asDouble()).isGreaterThan(20);
      assertThat(target.requests()).isGreaterThan(50);
    }
  }

  @Test
  void benchRunRejectsABadProfileWithItsLine() throws Exception {
    Path profile = tmp.resolve("bad.yaml");
    Files.writeString(profile, "name: bad\nendpoints: [http://127.0.0.1:1/]\nqps: -5\n");

    Result result = run("bench", "run", profile.toString());

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).contains("bad.yaml:3");
  }

  @Test
  void validateTheExampleRepositoryFindsNoErrors() throws Exception {
    Result result = run("validate", Path.of("..", "examples-repo").toAbsolutePath().toString());

    assertThat(result.exit()).as(result.out()).isZero();
    assertThat(result.out()).contains("0 error(s)");
  }

  @Test
  void validateNamesTheFileLineAndFieldOfASchemaError() throws Exception {
    Path repo = tmp.resolve("bad-repo");
    Files.createDirectories(repo.resolve("manifests/app"));
    Files.writeString(
        repo.resolve("manifests/app/deploy.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: app
        spec:
          replicas: many
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: nginx:1.27}]
        """);

    Result result = run("validate", repo.toString());

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).contains("manifests/app/deploy.yaml:7:").contains("error");
  }

  @Test
  void validateEmitsSarifForCodeScanning() throws Exception {
    Result result =
        run("validate", "-o", "sarif", Path.of("..", "examples-repo").toAbsolutePath().toString());

    assertThat(result.exit()).isZero();
    var sarif =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(result.out().substring(result.out().indexOf('{')));
    assertThat(sarif.path("version").asString()).isEqualTo("2.1.0");
    assertThat(sarif.path("runs").path(0).path("results").size()).isGreaterThan(0);
  }

  private record Result(int exit, String out) {}

  private Result run(String... args) throws Exception {
    Process process = start(args);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out);
  }

  private Process start(String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = LAUNCHER.toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("MESHPLAY_GITOPS_SKIP_BUILD", "1");
    builder.environment().put("HOME", tmp.toString());
    return builder.start();
  }
}
