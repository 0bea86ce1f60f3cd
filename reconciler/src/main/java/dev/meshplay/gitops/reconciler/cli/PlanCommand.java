package dev.meshplay.gitops.reconciler.cli;

import dev.meshplay.gitops.git.LocalCommit;
import dev.meshplay.gitops.git.MaterializedTree;
import dev.meshplay.gitops.policies.sarif.SarifWriter;
import dev.meshplay.gitops.reconciler.Daemon;
import dev.meshplay.gitops.reconciler.loop.RenderedRepository;
import dev.meshplay.gitops.reconciler.loop.SnapshotRenderer;
import dev.meshplay.gitops.reconciler.prplan.JsonReport;
import dev.meshplay.gitops.reconciler.prplan.MarkdownReport;
import dev.meshplay.gitops.reconciler.prplan.PullRequestPlan;
import dev.meshplay.gitops.reconciler.prplan.RepositoryPlanner;
import dev.meshplay.gitops.reconciler.prplan.Revision;
import dev.meshplay.gitops.reconciler.prplan.TextReport;
import dev.meshplay.gitops.render.RenderedSet;
import dev.meshplay.gitops.render.RepositoryRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Render, validate, evaluate policies and plan a repository against a cluster; apply nothing. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Show what applying a repository would change in a cluster.",
      "Nothing is changed: render, validate, policies, then the plan per design with field",
      "diffs (old → new).",
      "Without --kubeconfig or --cluster the plan is against an empty in-process sandbox."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no changes",
      "1:errors (render, meshplay.yaml, cluster) or deny findings",
      "2:changes to make"
    })
public final class PlanCommand implements Callable<Integer> {
  /** How the plan is printed. */
  enum Output {
    text,
    markdown,
    json,
    sarif
  }

  @Spec CommandSpec spec;

  @Mixin ClusterOptions clusters;

  @Option(names = "--repo", required = true, paramLabel = "PATH", description = "The repository.")
  Path repo;

  @Option(
      names = "--ref",
      paramLabel = "REF",
      description = "Plan this ref of the repository instead of its working tree.")
  String ref;

  @Option(
      names = "--base",
      paramLabel = "REF",
      description = "Also show how the designs differ from this ref (e.g. origin/main).")
  String base;

  @Option(
      names = "--source",
      paramLabel = "NAME",
      description =
          "The source name the daemon applies this repository under (default: the directory name).")
  String source;

  @Option(
      names = "--inventory-namespace",
      paramLabel = "NS",
      defaultValue = "meshplay-system",
      description =
          "Where the daemon keeps its inventories in the cluster (its inventoryNamespace setting;"
              + " default: ${DEFAULT-VALUE}).")
  String inventoryNamespace;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      description = "text, markdown, json or sarif (default: ${DEFAULT-VALUE}).")
  Output output;

  @Override
  public Integer call() throws Exception {
    Path dir = repo.toAbsolutePath().normalize();
    String name = source != null ? source : dir.getFileName().toString();
    PullRequestPlan plan;
    try (ClusterOptions.Connected cluster = clusters.connect()) {
      // The same renderer as the daemon: what plan reports is what serve would do.
      RepositoryRenderer renderer = Daemon.validatingRenderer(List.of(cluster.target()));
      RenderedRepository head;
      String headCommit = null;
      if (ref == null) {
        head = SnapshotRenderer.renderDirectory(renderer, dir);
      } else {
        try (LocalCommit commit = LocalCommit.resolve(dir, ref);
            MaterializedTree tree = commit.files().materialize(scratch())) {
          headCommit = commit.id();
          head = SnapshotRenderer.renderDirectory(renderer, tree.dir());
        }
      }
      RenderedSet baseDesigns = null;
      if (base != null) {
        try (LocalCommit commit = LocalCommit.resolve(dir, base);
            MaterializedTree tree = commit.files().materialize(scratch())) {
          baseDesigns = renderer.render(tree.dir());
        }
      }
      plan =
          new RepositoryPlanner(
                  name,
                  List.of(cluster.target()),
                  cluster.sandbox(),
                  Clock.systemUTC(),
                  inventoryNamespace)
              .plan(
                  new Revision(
                      dir.getFileName().toString(),
                      ref == null ? dir.toString() : ref,
                      headCommit,
                      base),
                  head,
                  baseDesigns);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        switch (output) {
          case text -> TextReport.render(plan);
          case markdown -> MarkdownReport.render(plan, MarkdownReport.Options.defaults());
          case json -> JsonReport.render(plan) + "\n";
          case sarif -> new SarifWriter(version()).write(plan.findings()) + "\n";
        });
    out.flush();
    if (output == Output.sarif && plan.sandbox()) {
      spec.commandLine().getErr().println("note: planned against an empty in-process sandbox");
      spec.commandLine().getErr().flush();
    }
    return plan.exitCode();
  }

  /** Where a ref's files are written for rendering (kustomize needs real files). */
  private static Path scratch() {
    return Path.of(System.getProperty("java.io.tmpdir"), "meshplay-plan");
  }

  private static String version() {
    String version = PlanCommand.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
