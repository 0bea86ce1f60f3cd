package dev.meshplay.gitops.reconciler.cli;

import dev.meshplay.gitops.reconciler.cluster.ClusterException;
import dev.meshplay.gitops.reconciler.cluster.KubernetesObjects;
import dev.meshplay.gitops.reconciler.export.Export;
import dev.meshplay.gitops.reconciler.export.ExportFormat;
import dev.meshplay.gitops.reconciler.export.ExportScope;
import dev.meshplay.gitops.reconciler.export.Exporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Reads what runs in a cluster and writes it as designs (or manifests) of a design repository. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export live objects of a cluster as Meshery designs, to bring them under Git.",
      "Workloads, Services, ConfigMaps, RBAC, custom resources … without status and the fields",
      "the API server fills in; Secrets as references, never their data; objects made by",
      "controllers (ReplicaSets, Pods, Endpoints) and events are left out.",
      "Committed to a repository the daemon watches, they are adopted in place, not re-created."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:exported", "1:the cluster could not be read, or a namespace does not exist"})
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ClusterOptions clusters;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NAME",
      description =
          "A namespace to export (repeatable; default: all but kube-* and meshplay-system).")
  List<String> namespaces = new ArrayList<>();

  @Option(
      names = {"-l", "--selector"},
      paramLabel = "SELECTOR",
      description = "Only objects whose labels match, e.g. app=web,tier!=db.")
  String selector;

  @Option(
      names = "--kinds",
      split = ",",
      paramLabel = "KIND",
      description = {
        "Only these kinds (or resource names), e.g. Deployment,Service. Cluster-scoped kinds",
        "(ClusterRole …) are exported only when named here."
      })
  List<String> kinds = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      defaultValue = "design",
      description =
          "design (one Meshery design per namespace) or manifests (default: ${DEFAULT-VALUE}).")
  ExportFormat format;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write the files into this design repository (default: print them).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (clusters.kubeconfig == null && clusters.cluster == null) {
      throw new ParameterException(
          spec.commandLine(),
          "export reads a real cluster: pass --kubeconfig FILE or --cluster NAME");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Export export;
    try (ClusterOptions.Connected cluster = clusters.connect()) {
      ExportScope scope = new ExportScope(namespaces, selector, kinds, format);
      export = Exporter.run(KubernetesObjects.of(cluster.target().cluster()), scope);
    } catch (IllegalArgumentException | ClusterException e) {
      stderr.println("error: " + e.getMessage());
      stderr.flush();
      return 1;
    }
    if (out == null) {
      for (Map.Entry<String, String> file : export.files().entrySet()) {
        stdout.println("# " + file.getKey());
        stdout.print(file.getValue());
        stdout.println("---");
      }
    } else {
      write(out, export.files());
      export.files().keySet().forEach(path -> stdout.println("wrote " + out.resolve(path)));
    }
    stdout.flush();
    export.notes().forEach(note -> stderr.println("note: " + note));
    stderr.println(
        "Exported "
            + export.exported()
            + " object(s). Check with: meshplay-gitops validate "
            + (out == null ? "DIR" : out));
    stderr.flush();
    return 0;
  }

  private static void write(Path root, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
  }
}
