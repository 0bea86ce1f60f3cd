package dev.meshplay.gitops.reconciler.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where to apply: a kubeconfig context, or the in-process sandbox.
 *
 * @param kubeconfig null for the sandbox
 * @param context null for the kubeconfig's current context
 * @param labels what meshplay.yaml targets may select this cluster by
 */
public record ClusterConfig(
    String name, Path kubeconfig, String context, Map<String, String> labels) {

  public ClusterConfig {
    labels = Map.copyOf(labels);
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
    return kubeconfig == null;
  }
}
