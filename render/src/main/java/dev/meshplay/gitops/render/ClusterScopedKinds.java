package dev.meshplay.gitops.render;

import java.util.Set;

/**
 * The built-in Kubernetes kinds that live outside namespaces. Without a cluster to ask, this table
 * is how a namespace is decided: any kind not listed (custom resources included) is taken to be
 * namespaced, unless a Meshery design says otherwise with {@code isNamespaced}.
 */
final class ClusterScopedKinds {

  /** Keyed as {@link ObjectRef#groupKind()} prints them, so a CRD's own Node is not confused. */
  private static final Set<String> GROUP_KINDS =
      Set.of(
          "Namespace",
          "Node",
          "PersistentVolume",
          "ClusterRole.rbac.authorization.k8s.io",
          "ClusterRoleBinding.rbac.authorization.k8s.io",
          "StorageClass.storage.k8s.io",
          "CSIDriver.storage.k8s.io",
          "VolumeAttachment.storage.k8s.io",
          "CustomResourceDefinition.apiextensions.k8s.io",
          "PriorityClass.scheduling.k8s.io",
          "IngressClass.networking.k8s.io",
          "APIService.apiregistration.k8s.io",
          "MutatingWebhookConfiguration.admissionregistration.k8s.io",
          "ValidatingWebhookConfiguration.admissionregistration.k8s.io",
          "RuntimeClass.node.k8s.io");

  private ClusterScopedKinds() {}

  static boolean contains(String apiVersion, String kind) {
    return GROUP_KINDS.contains(new ObjectRef(apiVersion, kind, null, "").groupKind());
  }
}
