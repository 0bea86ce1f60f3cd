package dev.meshplay.gitops.reconciler.export;

import dev.meshplay.gitops.reconciler.inventory.Ownership;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Live objects that do not belong in a design: what a controller makes from another object (the
 * ReplicaSets and Pods of a Deployment), what Kubernetes puts in every namespace, and what is
 * already managed from Git by this tool. Each rule returns why, or null.
 */
final class ExportSkips {
  /** Kinds that record what happened rather than what is wanted. */
  static final Set<String> RECORD_KINDS =
      Set.of(
          "Event",
          "Endpoints",
          "EndpointSlice",
          "Lease",
          "ControllerRevision",
          "PodMetrics",
          "NodeMetrics",
          "ComponentStatus");

  private static final Set<String> GENERATED_SECRET_TYPES =
      Set.of("kubernetes.io/service-account-token", "helm.sh/release.v1");

  private ExportSkips() {}

  /** Why {@code live} is left out of the export, or null to export it. */
  static String reason(Map<String, Object> live) {
    String kind = String.valueOf(live.get("kind"));
    Map<?, ?> metadata = live.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
    String name = String.valueOf(metadata.get("name"));
    if (RECORD_KINDS.contains(kind)) {
      return "a record, not configuration";
    }
    String controller = controller(metadata.get("ownerReferences"));
    if (controller != null) {
      return "made by its controller (a " + controller + ")";
    }
    if (kind.equals("ConfigMap") && name.equals("kube-root-ca.crt")) {
      return "Kubernetes puts it in every namespace";
    }
    if (kind.equals("ServiceAccount") && name.equals("default")) {
      return "Kubernetes puts it in every namespace";
    }
    if (metadata.get("labels") instanceof Map<?, ?> labels
        && "rbac-defaults".equals(labels.get("kubernetes.io/bootstrapping"))) {
      return "Kubernetes' default RBAC";
    }
    if (kind.equals("Secret") && GENERATED_SECRET_TYPES.contains(live.get("type"))) {
      return "generated (" + live.get("type") + ")";
    }
    if (metadata.get("labels") instanceof Map<?, ?> labels
        && Ownership.MANAGER.equals(labels.get(Ownership.MANAGED_BY))) {
      return "already managed from Git (source " + labels.get(Ownership.SOURCE) + ")";
    }
    return null;
  }

  private static String controller(Object references) {
    if (references instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> ref && Boolean.TRUE.equals(ref.get("controller"))) {
          return String.valueOf(ref.get("kind"));
        }
      }
    }
    return null;
  }
}
