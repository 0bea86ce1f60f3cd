package dev.meshplay.gitops.reconciler;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A daemon watching one repository into one cluster, as most integration tests need it. */
final class TestDaemons {
  private TestDaemons() {}

  /** Status page on a free port; state under {@code state}; kustomize through kubectl. */
  static Daemon start(
      Path state, Path repository, String source, Duration interval, KubernetesClient cluster) {
    DaemonConfig config =
        new DaemonConfig(
            "127.0.0.1",
            0,
            state,
            interval,
            List.of(new GitSource(source, repository.toString(), "main")),
            ClusterConfig.sandbox());
    return Daemon.start(
        config,
        new KubernetesCluster("sandbox", cluster),
        new RepositoryRenderer(KustomizeRunner.kubectl()));
  }
}
