package dev.meshplay.gitops.sandbox.discovery;

import java.util.List;
import java.util.Locale;

/** The built-in resource types the sandbox serves discovery for. */
final class BuiltinResources {
  private static final List<String> ALL = List.of("all");

  private BuiltinResources() {}

  static final List<ApiResource> ALL_RESOURCES =
      List.of(
          of("", "v1", "namespaces", "Namespace", false, List.of(), "ns"),
          of("", "v1", "configmaps", "ConfigMap", true, List.of(), "cm"),
          of("", "v1", "secrets", "Secret", true, List.of()),
          of("", "v1", "services", "Service", true, ALL, "svc"),
          of("", "v1", "serviceaccounts", "ServiceAccount", true, List.of(), "sa"),
          of("", "v1", "pods", "Pod", true, ALL, "po"),
          of("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, List.of(), "pvc"),
          of("", "v1", "events", "Event", true, List.of(), "ev"),
          scalable(of("apps", "v1", "deployments", "Deployment", true, ALL, "deploy")),
          scalable(of("apps", "v1", "statefulsets", "StatefulSet", true, ALL, "sts")),
          of("apps", "v1", "daemonsets", "DaemonSet", true, ALL, "ds"),
          scalable(of("apps", "v1", "replicasets", "ReplicaSet", true, ALL, "rs")),
          of("batch", "v1", "jobs", "Job", true, ALL),
          of("batch", "v1", "cronjobs", "CronJob", true, ALL, "cj"),
          of("networking.k8s.io", "v1", "ingresses", "Ingress", true, List.of(), "ing"),
          of(
              "networking.k8s.io",
              "v1",
              "networkpolicies",
              "NetworkPolicy",
              true,
              List.of(),
              "netpol"),
          of("rbac.authorization.k8s.io", "v1", "roles", "Role", true, List.of()),
          of("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, List.of()),
          of("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false, List.of()),
          of(
              "rbac.authorization.k8s.io",
              "v1",
              "clusterrolebindings",
              "ClusterRoleBinding",
              false,
              List.of()),
          of(
              "autoscaling",
              "v2",
              "horizontalpodautoscalers",
              "HorizontalPodAutoscaler",
              true,
              ALL,
              "hpa"),
          of("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, List.of(), "pdb"),
          of("coordination.k8s.io", "v1", "leases", "Lease", true, List.of()),
          of(
              "apiextensions.k8s.io",
              "v1",
              "customresourcedefinitions",
              "CustomResourceDefinition",
              false,
              List.of(),
              "crd",
              "crds"));

  /** A resource type whose singular name is its kind in lower case, as for every built-in. */
  private static ApiResource of(
      String group,
      String version,
      String plural,
      String kind,
      boolean namespaced,
      List<String> categories,
      String... shortNames) {
    String singular = kind.toLowerCase(Locale.ROOT);
    return new ApiResource(
        group, version, plural, singular, kind, namespaced, List.of(shortNames), categories, false);
  }

  /** The same type with a {@code /scale} subresource. */
  private static ApiResource scalable(ApiResource r) {
    return new ApiResource(
        r.group(),
        r.version(),
        r.plural(),
        r.singular(),
        r.kind(),
        r.namespaced(),
        r.shortNames(),
        r.categories(),
        true);
  }
}
