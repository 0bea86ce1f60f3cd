package dev.meshplay.gitops.reconciler;

import dev.meshplay.gitops.reconciler.cluster.ApiServerClients;
import dev.meshplay.gitops.reconciler.faults.FaultProxy;
import dev.meshplay.gitops.reconciler.inventory.Ownership;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A sandbox API server with a {@link FaultProxy} in front: the daemon talks through the proxy, the
 * test looks at the cluster directly, so what it sees is never hidden by the fault.
 */
final class ProxiedSandbox implements AutoCloseable {
  private final SandboxCluster sandbox;
  private final FaultProxy proxy;

  private ProxiedSandbox(SandboxCluster sandbox, FaultProxy proxy) {
    this.sandbox = sandbox;
    this.proxy = proxy;
  }

  static ProxiedSandbox start() throws IOException {
    SandboxCluster sandbox = SandboxCluster.start();
    return new ProxiedSandbox(sandbox, FaultProxy.to(sandbox.url().getPort()));
  }

  FaultProxy proxy() {
    return proxy;
  }

  SandboxCluster sandbox() {
    return sandbox;
  }

  /** The test's own view of the cluster, around the proxy. */
  KubernetesClient direct() {
    return sandbox.client();
  }

  String proxyUrl() {
    return "http://127.0.0.1:" + proxy.port();
  }

  /**
   * A client through the proxy, built as {@code serve} builds one, but with a shorter request
   * timeout and fewer retries, so a fault shows within seconds instead of minutes.
   */
  KubernetesClient daemonClient(Duration requestTimeout, int retries) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(proxyUrl())
            .withNamespace("default")
            .withHttp2Disable(true)
            .withRequestTimeout((int) requestTimeout.toMillis())
            .withConnectionTimeout((int) requestTimeout.toMillis())
            .withRequestRetryBackoffLimit(retries)
            .withRequestRetryBackoffInterval(50)
            .withWatchReconnectInterval(200)
            .build();
    return ApiServerClients.of(config);
  }

  /** A kubeconfig for a daemon in another process: its API server is the proxy. */
  Path writeKubeconfig(Path file) throws IOException {
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: proxied
          cluster: {server: "%s"}
        users:
        - name: proxied
          user: {token: sandbox}
        contexts:
        - name: proxied
          context: {cluster: proxied, user: proxied, namespace: default}
        current-context: proxied
        """
            .formatted(proxyUrl()));
    return file;
  }

  /** Every ConfigMap of {@code namespace} the daemon owns (by our manager label), by name. */
  Map<String, ConfigMap> ownedConfigMaps(String namespace) {
    List<ConfigMap> items =
        direct()
            .configMaps()
            .inNamespace(namespace)
            .withLabel(Ownership.MANAGED_BY, Ownership.MANAGER)
            .list()
            .getItems();
    Map<String, ConfigMap> byName = new java.util.TreeMap<>();
    items.forEach(cm -> byName.put(cm.getMetadata().getName(), cm));
    return byName;
  }

  /**
   * The object lines of a source's inventory as stored in the cluster ({@code apiVersion kind
   * namespace name}), every design's together, duplicates kept so a test can count them.
   */
  List<String> inventoryLines(String source) {
    ConfigMap inventory =
        direct().configMaps().inNamespace("meshplay-system").withName("inventory-" + source).get();
    if (inventory == null || inventory.getData() == null) {
      return List.of();
    }
    return inventory.getData().values().stream()
        .flatMap(String::lines)
        .filter(line -> !line.startsWith("design ") && !line.isBlank())
        .toList();
  }

  /** How many requests of this method the sandbox has answered ({@code WATCH} for watches). */
  long requests(String method) {
    return sandbox.requestCounts().getOrDefault(method, 0L);
  }

  @Override
  public void close() {
    proxy.close();
    sandbox.close();
  }
}
