package dev.meshplay.gitops.reconciler;

import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cluster a test applies to: the in-process sandbox, or a real cluster when the environment
 * variable {@code MESHPLAY_TEST_KUBECONFIG} names a kubeconfig (and optionally {@code
 * MESHPLAY_TEST_CONTEXT} a context). Tests use their own namespaces, so a disposable real cluster
 * (kind, k3d, minikube) is enough.
 */
final class TestCluster implements AutoCloseable {
  private final SandboxCluster sandbox;
  private final KubernetesClient client;

  private TestCluster(SandboxCluster sandbox, KubernetesClient client) {
    this.sandbox = sandbox;
    this.client = client;
  }

  static TestCluster start() throws Exception {
    String kubeconfig = System.getenv("MESHPLAY_TEST_KUBECONFIG");
    if (kubeconfig == null || kubeconfig.isBlank()) {
      SandboxCluster sandbox = SandboxCluster.start().simulateControllers();
      return new TestCluster(sandbox, sandbox.client());
    }
    Config config =
        Config.fromKubeconfig(
            System.getenv("MESHPLAY_TEST_CONTEXT"),
            Files.readString(Path.of(kubeconfig)),
            kubeconfig);
    return new TestCluster(null, new KubernetesClientBuilder().withConfig(config).build());
  }

  KubernetesClient client() {
    return client;
  }

  /**
   * A kubeconfig file for commands that take {@code --kubeconfig}: the real cluster's, or one
   * written into {@code dir} for the sandbox.
   */
  Path kubeconfig(Path dir) {
    return sandbox == null
        ? Path.of(System.getenv("MESHPLAY_TEST_KUBECONFIG"))
        : sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
  }

  /** The kubeconfig context to pass with {@link #kubeconfig}, or null for its current one. */
  String context() {
    return sandbox == null ? System.getenv("MESHPLAY_TEST_CONTEXT") : null;
  }

  /** True for the in-process sandbox, which is thrown away with its objects on close. */
  boolean isSandbox() {
    return sandbox != null;
  }

  String name() {
    return sandbox == null ? "test-cluster" : "sandbox";
  }

  @Override
  public void close() {
    if (sandbox != null) {
      sandbox.close();
    } else {
      client.close();
    }
  }
}
