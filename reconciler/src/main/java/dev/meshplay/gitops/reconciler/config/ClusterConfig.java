package dev.meshplay.gitops.reconciler.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where to apply: a kubeconfig context, the cluster the daemon runs in, or the in-process sandbox.
 *
 * @param kubeconfig null for the sandbox and in-cluster
 * @param context null for the kubeconfig's current context
 * @param labels what meshplay.yaml targets may select this cluster by
 * @param inCluster the cluster whose pod runs the daemon, through its service account
 */
public record ClusterConfig(
    String name, Path kubeconfig, String context, Map<String, String> labels, boolean inCluster) {

  public ClusterConfig {
    labels = Map.copyOf(labels);
  }

  public ClusterConfig(String name, Path kubeconfig, String context, Map<String, String> labels) {
    this(name, kubeconfig, context, labels, false);
  }

  /** The cluster the daemon runs in, reached with its pod's service account. */
  public static ClusterConfig inCluster(String name, Map<String, String> labels) {
    return new ClusterConfig(name, null, null, labels, true);
  }

  public ClusterConfig(String name, Path kubeconfig, String context) {
    this(name, kubeconfig, context, Map.of());
  }

  public static ClusterConfig sandbox() {
    return sandbox("sandbox", Map.of());
  }

  public static ClusterConfig sandbox(String name, Map<String, String> labels) {
    return new ClusterConfig(name, null, null, labels);
  }

  public boolean isSandbox() {
    return kubeconfig == null && !inCluster;
  }
}
