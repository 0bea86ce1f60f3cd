package dev.meshplay.gitops.render;

/**
 * Identifies a Kubernetes object. {@code namespace} is null for cluster-scoped kinds.
 *
 * <p>Printed as Flux does, {@code Kind/namespace/name} (or {@code Kind/name}), so messages name the
 * object the same way everywhere.
 */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

  /** API group and kind only: the version does not change which object is meant. */
  public String groupKind() {
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    return group.isEmpty() ? kind : kind + "." + group;
  }

  @Override
  public String toString() {
    return namespace == null ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }
}
