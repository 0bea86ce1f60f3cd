package dev.meshplay.gitops.render;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * API versions that Kubernetes has stopped serving (the upstream deprecated-API migration guide).
 * Model schemas can still describe them (fabric8's built-in model does), so without this table an
 * {@code extensions/v1beta1} Ingress would validate here and be refused only at apply time.
 */
final class RemovedApis {

  /** One removed pair and what to write instead; a null replacement means none exists. */
  record RemovedApi(String apiVersion, String kind, String removedIn, String replacement) {
    String message() {
      String instead =
          replacement == null ? "; it has no replacement" : "; use " + replacement + " instead";
      return kind + " in " + apiVersion + " was removed in Kubernetes " + removedIn + instead;
    }
  }

  private static final Map<String, RemovedApi> BY_VERSION_AND_KIND = new HashMap<>();

  static {
    removed("1.16", "networking.k8s.io/v1", "extensions/v1beta1", "NetworkPolicy");
    removed("1.16", null, "extensions/v1beta1", "PodSecurityPolicy");
    removed("1.16", "apps/v1", "extensions/v1beta1", "DaemonSet", "Deployment", "ReplicaSet");
    removed("1.16", "apps/v1", "apps/v1beta1", "Deployment", "StatefulSet", "ControllerRevision");
    removed(
        "1.16",
        "apps/v1",
        "apps/v1beta2",
        "DaemonSet",
        "Deployment",
        "ReplicaSet",
        "StatefulSet",
        "ControllerRevision");
    removed("1.22", "networking.k8s.io/v1", "extensions/v1beta1", "Ingress");
    removed("1.22", "networking.k8s.io/v1", "networking.k8s.io/v1beta1", "Ingress", "IngressClass");
    removed(
        "1.22",
        "admissionregistration.k8s.io/v1",
        "admissionregistration.k8s.io/v1beta1",
        "MutatingWebhookConfiguration",
        "ValidatingWebhookConfiguration");
    removed(
        "1.22",
        "apiextensions.k8s.io/v1",
        "apiextensions.k8s.io/v1beta1",
        "CustomResourceDefinition");
    removed("1.22", "apiregistration.k8s.io/v1", "apiregistration.k8s.io/v1beta1", "APIService");
    removed(
        "1.22",
        "certificates.k8s.io/v1",
        "certificates.k8s.io/v1beta1",
        "CertificateSigningRequest");
    removed("1.22", "coordination.k8s.io/v1", "coordination.k8s.io/v1beta1", "Lease");
    for (String version : new String[] {"v1alpha1", "v1beta1"}) {
      removed(
          "1.22",
          "rbac.authorization.k8s.io/v1",
          "rbac.authorization.k8s.io/" + version,
          "ClusterRole",
          "ClusterRoleBinding",
          "Role",
          "RoleBinding");
    }
    removed("1.22", "scheduling.k8s.io/v1", "scheduling.k8s.io/v1beta1", "PriorityClass");
    removed(
        "1.22",
        "storage.k8s.io/v1",
        "storage.k8s.io/v1beta1",
        "CSIDriver",
        "CSINode",
        "StorageClass",
        "VolumeAttachment");
    removed("1.25", "batch/v1", "batch/v1beta1", "CronJob");
    removed("1.25", "discovery.k8s.io/v1", "discovery.k8s.io/v1beta1", "EndpointSlice");
    removed("1.25", "events.k8s.io/v1", "events.k8s.io/v1beta1", "Event");
    removed("1.25", "autoscaling/v2", "autoscaling/v2beta1", "HorizontalPodAutoscaler");
    removed("1.25", "policy/v1", "policy/v1beta1", "PodDisruptionBudget");
    removed("1.25", null, "policy/v1beta1", "PodSecurityPolicy");
    removed("1.25", "node.k8s.io/v1", "node.k8s.io/v1beta1", "RuntimeClass");
    removed("1.26", "autoscaling/v2", "autoscaling/v2beta2", "HorizontalPodAutoscaler");
    removed("1.27", "storage.k8s.io/v1", "storage.k8s.io/v1beta1", "CSIStorageCapacity");
    String flowcontrol = "flowcontrol.apiserver.k8s.io/";
    String[] flowKinds = {"FlowSchema", "PriorityLevelConfiguration"};
    removed("1.26", flowcontrol + "v1", flowcontrol + "v1beta1", flowKinds);
    removed("1.29", flowcontrol + "v1", flowcontrol + "v1beta2", flowKinds);
    removed("1.32", flowcontrol + "v1", flowcontrol + "v1beta3", flowKinds);
  }

  private RemovedApis() {}

  /** The removal of this pair, if Kubernetes no longer serves it. */
  static Optional<RemovedApi> find(String apiVersion, String kind) {
    return Optional.ofNullable(BY_VERSION_AND_KIND.get(apiVersion + " " + kind));
  }

  private static void removed(
      String removedIn, String replacement, String apiVersion, String... kinds) {
    for (String kind : kinds) {
      BY_VERSION_AND_KIND.put(
          apiVersion + " " + kind, new RemovedApi(apiVersion, kind, removedIn, replacement));
    }
  }
}
