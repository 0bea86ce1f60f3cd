package dev.meshplay.gitops.reconciler.cli;

import dev.meshplay.gitops.reconciler.cluster.ApiServerClients;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.loop.Target;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Which cluster {@code plan} and {@code apply} talk to: a kubeconfig file, a context of the default
 * kubeconfig, or (with neither) an empty in-process sandbox.
 */
final class ClusterOptions {
  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "The cluster's kubeconfig (default: none, an empty in-process sandbox).")
  Path kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "The kubeconfig context (default: its current context).")
  String context;

  @Option(
      names = "--cluster",
      paramLabel = "NAME",
      description = {
        "The cluster's name as meshplay.yaml targets select it; without --kubeconfig, also the",
        "context of $KUBECONFIG or ~/.kube/config to use."
      })
  String cluster;

  /** A target and what to close after it; {@code sandbox} when nothing real was named. */
  record Connected(Target target, AutoCloseable resource, boolean sandbox)
      implements AutoCloseable {
    @Override
    public void close() throws Exception {
      resource.close();
    }
  }

  Connected connect() throws IOException {
    if (kubeconfig == null && cluster == null) {
      SandboxCluster sandbox = SandboxCluster.start();
      return new Connected(
          Target.of(new KubernetesCluster("sandbox", sandbox.client())), sandbox, true);
    }
    Config config;
    if (kubeconfig != null) {
      config = Config.fromKubeconfig(context, Files.readString(kubeconfig), kubeconfig.toString());
    } else {
      config = Config.autoConfigure(context == null ? cluster : context);
    }
    KubernetesClient client = ApiServerClients.of(config);
    // Unnamed, the cluster is called by its kubeconfig context, the name a user knows it by.
    String name =
        cluster != null
            ? cluster
            : config.getCurrentContext() != null ? config.getCurrentContext().getName() : "default";
    return new Connected(
        new Target(name, Map.of(), new KubernetesCluster(name, client)), client, false);
  }
}
