package dev.meshplay.gitops.reconciler.cluster;

import java.util.List;

/**
 * One resource type a cluster serves, as API discovery lists it.
 *
 * @param group the API group, empty for the core group
 * @param plural the resource name in URLs, e.g. {@code deployments}
 * @param verbs what the API server allows on it, e.g. {@code list}
 */
public record ApiKind(
    String group,
    String version,
    String kind,
    String plural,
    boolean namespaced,
    List<String> verbs) {

  public ApiKind {
    verbs = List.copyOf(verbs);
  }

  /** {@code apps/v1}, or {@code v1} for the core group. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The name of the CustomResourceDefinition that would define it: {@code plural.group}. */
  public String crdName() {
    return plural + "." + group;
  }
}
