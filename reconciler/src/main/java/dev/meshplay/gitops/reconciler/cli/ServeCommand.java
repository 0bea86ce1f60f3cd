package dev.meshplay.gitops.reconciler.cli;

import dev.meshplay.gitops.reconciler.Daemon;
import dev.meshplay.gitops.reconciler.cluster.ApiServerClients;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.ConfigLoader;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.config.ShardingConfig;
import dev.meshplay.gitops.reconciler.loop.Target;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The daemon on real sources and clusters. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the daemon: poll the configured sources and reconcile them into the clusters.",
      "See docs/configuration.md for the file's settings."
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--config", required = true, description = "The daemon's YAML configuration.")
  java.nio.file.Path configFile;

  @Override
  public Integer call() throws Exception {
    DaemonConfig config = ConfigLoader.load(configFile);
    List<AutoCloseable> resources = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    for (ClusterConfig cluster : config.clusters()) {
      KubernetesClient client;
      if (cluster.isSandbox()) {
        SandboxCluster sandbox = SandboxCluster.start().simulateControllers();
        resources.add(sandbox);
        client = sandbox.client();
      } else {
        client = client(cluster);
        resources.add(client);
      }
      targets.add(
          new Target(
              cluster.name(), cluster.labels(), new KubernetesCluster(cluster.name(), client)));
    }
    KubernetesClient control = null;
    if (config.sharding() != null) {
      control = controlClient(config.sharding());
      resources.add(control);
    }
    Daemon daemon = Daemon.start(config, targets, Daemon.validatingRenderer(targets), control);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  daemon.close();
                  for (AutoCloseable resource : resources) {
                    try {
                      resource.close();
                    } catch (Exception e) {
                      // Shutting down: nothing left to report it to.
                    }
                  }
                  stopped.countDown();
                },
                "serve-shutdown"));
    spec.commandLine()
        .getOut()
        .printf(
            "Serving %d source(s) into %s; status on http://%s:%d%n",
            config.sources().size(),
            String.join(", ", targets.stream().map(Target::name).toList()),
            config.host(),
            daemon.port());
    spec.commandLine().getOut().flush();
    stopped.await();
    return 0;
  }

  /** Where the Leases live: the given kubeconfig, else the cluster the pod runs in. */
  private static KubernetesClient controlClient(ShardingConfig sharding) throws Exception {
    if (sharding.kubeconfig() == null) {
      return ApiServerClients.fromEnvironment();
    }
    Config config =
        Config.fromKubeconfig(
            sharding.context(),
            Files.readString(sharding.kubeconfig()),
            sharding.kubeconfig().toString());
    return ApiServerClients.of(config);
  }

  // Package-private for ClusterTlsTest: TLS verification follows the kubeconfig alone.
  static KubernetesClient client(ClusterConfig cluster) throws Exception {
    if (cluster.inCluster()) {
      // fabric8 finds the pod's service account token and the API server's address itself.
      return ApiServerClients.fromEnvironment();
    }
    String kubeconfig = Files.readString(cluster.kubeconfig());
    Config config =
        Config.fromKubeconfig(cluster.context(), kubeconfig, cluster.kubeconfig().toString());
    return ApiServerClients.of(config);
  }
}
