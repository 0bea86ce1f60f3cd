package dev.meshplay.gitops.reconciler.config;

import java.nio.file.Path;

/**
 * Where to apply: a kubeconfig context, or the in-process sandbox.
 *
 * @param kubeconfig null for the sandbox
 * @param context null for the kubeconfig's current context
 */
public record ClusterConfig(String name, Path kubeconfig, String context) {

  public static ClusterConfig sandbox() {
    return new ClusterConfig("sandbox", null, null);
  }

  public boolean isSandbox() {
    return kubeconfig == null;
  }
}
