package dev.meshplay.gitops.reconciler.export;

/** How an export is written. */
public enum ExportFormat {
  /** One Meshery v1beta1 design per namespace under {@code designs/}. */
  design,
  /** Plain manifests, one file per object, under {@code manifests/<namespace>/}. */
  manifests
}
