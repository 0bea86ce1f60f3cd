package dev.meshplay.gitops.reconciler.cli;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.LocalRepository;
import dev.meshplay.gitops.perf.demo.DemoTarget;
import dev.meshplay.gitops.reconciler.Daemon;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.config.Durations;
import dev.meshplay.gitops.reconciler.demo.ExamplesRepo;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The embedded default: the example repository, a sandbox cluster, the page. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole loop on the embedded default.",
      "A local Git repository seeded from examples-repo/, an in-process sandbox cluster,",
      "and the status page.",
      "Commit to DIR/repo and watch the page; point kubectl at DIR/kubeconfig."
    })
public final class DemoCommand implements Callable<Integer> {
  /** Where examples-repo/benchmarks/webapp-latency.yaml sends its load. */
  static final int DEMO_TARGET_PORT = 18080;

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port of the status page on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--work-dir",
      defaultValue = ".demo",
      description =
          "Holds repo/ (the watched repository) and kubeconfig (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(
      names = "--interval",
      defaultValue = "2s",
      description = "How often the repository is polled (default: ${DEFAULT-VALUE}).")
  String interval;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path work = workDir.toAbsolutePath().normalize();
    Path repo = work.resolve("repo");
    if (!Files.isDirectory(repo.resolve(".git"))) {
      Files.createDirectories(repo);
      ExamplesRepo.copyTo(repo);
      LocalRepository.initWithFiles(repo, "Seed from examples-repo");
    }
    DemoTarget target = demoTarget(spec.commandLine().getErr());
    SandboxCluster sandbox = SandboxCluster.start().simulateControllers();
    Path kubeconfig = sandbox.writeKubeconfig(work.resolve("kubeconfig"));
    DaemonConfig config =
        new DaemonConfig(
            "127.0.0.1",
            port,
            work.resolve("state"),
            Durations.parse(interval),
            // pr/* branches stand in for pull requests: each is planned and noted, never applied.
            List.of(
                new GitSource("demo", repo.toString(), "main")
                    .withPullRequestRefs(List.of("pr/*"))),
            ClusterConfig.sandbox());
    Daemon daemon;
    try {
      daemon =
          Daemon.start(
              config,
              new KubernetesCluster("sandbox", sandbox.client()),
              Daemon.validatingRenderer());
    } catch (RuntimeException e) {
      sandbox.close();
      throw e;
    }
    if (target != null) {
      // The example repository's meshplay.yaml sets how slow the benchmark target is, so a
      // commit can make the scheduled benchmark see a regression.
      daemon.onSettings(
          settings -> {
            if (settings.demoTargetLatency() != null) {
              target.setLatency(settings.demoTargetLatency());
            }
          });
    }
    // Ctrl-C: the hook stops the loops, the server and the sandbox, in that order, before exit.
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  daemon.close();
                  sandbox.close();
                  if (target != null) {
                    target.close();
                  }
                  out.println("Stopped.");
                  out.flush();
                  stopped.countDown();
                },
                "demo-shutdown"));
    out.printf(
        """
        Meshplay GitOps demo is running.
          Status page:  http://127.0.0.1:%d   (JSON: /api/v1/status)
          Repository:   %s
          Sandbox API:  %s   (kubectl --kubeconfig %s get deploy -A)

        Try: edit a file in the repository, `git commit -am "change"`, and watch the page
        (it refreshes itself; the repository is polled every %s).
        Drift: `kubectl --kubeconfig %s -n webapp patch deploy webapp -p '{"spec":{"replicas":5}}'`
        is put back on the next pass.
        Benchmarks: benchmarks/webapp-latency.yaml runs every 5 minutes against the built-in
        target on 127.0.0.1:%d; run it now with
        `./meshplay-gitops bench run %s/benchmarks/webapp-latency.yaml`.
        Pull requests: a `pr/<name>` branch is planned (never applied); see it on the page's
        Pull requests tab, or `git log --notes=meshplay -1 pr/<name>`. Ctrl-C stops.
        """,
        daemon.port(),
        repo,
        sandbox.url(),
        kubeconfig,
        interval,
        kubeconfig,
        DEMO_TARGET_PORT,
        repo);
    out.flush();
    stopped.await();
    return 0;
  }

  /**
   * The HTTP server the example benchmark profile measures (the sandbox runs no pods). A busy port
   * only costs the benchmarks, so it is a warning, not a failure.
   */
  private static DemoTarget demoTarget(PrintWriter err) {
    try {
      return DemoTarget.start(
          DemoTarget.Settings.loopback()
              .withPort(DEMO_TARGET_PORT)
              .withLatency(Duration.ofMillis(5)));
    } catch (Exception e) {
      err.println(
          "warning: the demo benchmark target cannot listen on 127.0.0.1:"
              + DEMO_TARGET_PORT
              + " ("
              + e.getMessage()
              + "); scheduled benchmarks will report connection errors");
      err.flush();
      return null;
    }
  }
}
