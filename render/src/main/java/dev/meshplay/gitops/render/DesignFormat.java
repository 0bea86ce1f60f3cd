package dev.meshplay.gitops.render;

/** The kinds of input a design can come from. */
public enum DesignFormat {
  /** Meshery {@code designs.meshery.io/v1beta1} (and the tolerated {@code v1beta3}). */
  MESHERY_DESIGN,
  /** The older Meshery pattern file with a {@code services:} map. */
  MESHERY_SERVICES,
  /** A kustomize directory rendered by {@code kubectl kustomize} or {@code kustomize build}. */
  KUSTOMIZE,
  /** A directory of plain Kubernetes manifests. */
  MANIFESTS,
  /** A Helm chart (a directory with {@code Chart.yaml}) rendered by {@code helm template}. */
  HELM,
  /**
   * Not a design: the repository's Meshery registry directory ({@code models/}), listed only when
   * some of its files cannot be used, so that the problem is reported somewhere.
   */
  MODEL_REGISTRY
}
