package dev.meshplay.gitops.reconciler.cli;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.Snapshot;
import dev.meshplay.gitops.git.SourceMirror;
import dev.meshplay.gitops.reconciler.Daemon;
import dev.meshplay.gitops.reconciler.loop.PassOutcome;
import dev.meshplay.gitops.reconciler.loop.Reconciler;
import dev.meshplay.gitops.reconciler.loop.SnapshotRenderer;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One pass of the loop, now: the branch's last commit is applied and pruned exactly as the daemon
 * would, then the command exits. The commit, not the working tree, so what lands is reviewable.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Reconcile a repository's branch into a cluster once.",
      "Render, policies, plan, apply, prune; prints each design's status and exits.",
      "Applies the committed branch tip."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every design synced", "1:a design, meshplay.yaml or the cluster failed"})
public final class ApplyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClusterOptions clusters;

  @Option(
      names = "--inventory-namespace",
      paramLabel = "NS",
      defaultValue = "meshplay-system",
      description =
          "Where inventories are kept in the cluster; use the daemon's inventoryNamespace setting"
              + " (default: ${DEFAULT-VALUE}).")
  String inventoryNamespace;

  @Option(names = "--repo", required = true, paramLabel = "PATH", description = "The repository.")
  Path repo;

  @Option(
      names = "--branch",
      defaultValue = "main",
      description = "The branch to apply (default: ${DEFAULT-VALUE}).")
  String branch;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description = "The source name objects are owned by (default: the directory name).")
  String source;

  @Override
  public Integer call() throws Exception {
    Path dir = repo.toAbsolutePath().normalize();
    String name = source != null ? source : dir.getFileName().toString();
    PrintWriter out = spec.commandLine().getOut();
    Path work = Files.createTempDirectory("meshplay-apply-");
    try (ClusterOptions.Connected cluster = clusters.connect();
        SourceMirror mirror =
            SourceMirror.open(new GitSource(name, dir.toString(), branch), work)) {
      Snapshot snapshot = mirror.poll().snapshot();
      SnapshotRenderer renderer =
          new SnapshotRenderer(
              Daemon.validatingRenderer(List.of(cluster.target())), work.resolve("render"));
      PassOutcome outcome =
          new Reconciler(
                  name,
                  cluster.target(),
                  renderer,
                  inventoryNamespace,
                  Reconciler.DEFAULT_STAGE_TIMEOUT)
              .reconcile(snapshot);
      out.printf("Applied %s@%s to %s%n", branch, snapshot.shortId(), cluster.target().name());
      int code =
          switch (outcome) {
            case PassOutcome.Applied applied -> {
              for (DesignStatus design : applied.designs()) {
                out.printf(
                    "  %s: %s%s%n",
                    design.key(),
                    design.state().label(),
                    design.message() == null ? "" : " (" + design.message() + ")");
              }
              yield applied.everyDesignApplied() ? 0 : 1;
            }
            case PassOutcome.SettingsInvalid invalid -> {
              out.println("error: " + invalid.message());
              yield 1;
            }
            case PassOutcome.ClusterUnavailable down -> {
              out.println("error: " + down.message());
              yield 1;
            }
          };
      out.flush();
      return code;
    } finally {
      deleteTree(work);
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
