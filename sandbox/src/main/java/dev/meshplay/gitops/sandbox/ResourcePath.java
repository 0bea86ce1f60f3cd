package dev.meshplay.gitops.sandbox;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A resource URL, parsed: {@code /api/v1/namespaces/demo/configmaps/web} or {@code
 * /apis/apps/v1/namespaces/demo/deployments/web/status}. Names and subresource are {@code null} for
 * collections.
 */
record ResourcePath(
    String group,
    String version,
    String namespace,
    String plural,
    String name,
    String subresource) {

  /** Subresources of a namespace, which would otherwise read as a resource type. */
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  /** Parses the path part of a URL (no query); empty when it names no resource. */
  static Optional<ResourcePath> parse(String path) {
    List<String> parts = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    int start;
    String group;
    if (parts.size() >= 3 && parts.get(0).equals("api")) {
      group = "";
      start = 2;
    } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
      group = parts.get(1);
      start = 3;
    } else {
      return Optional.empty();
    }
    String version = parts.get(start - 1);
    List<String> rest = parts.subList(start, parts.size());
    String namespace = null;
    if (rest.size() >= 3
        && rest.get(0).equals("namespaces")
        && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    if (rest.size() > 3) {
      return Optional.empty();
    }
    return Optional.of(
        new ResourcePath(group, version, namespace, rest.get(0), at(rest, 1), at(rest, 2)));
  }

  private static String at(List<String> parts, int index) {
    return parts.size() > index ? parts.get(index) : null;
  }

  /** {@code apps/v1}, or {@code v1} for the core group. */
  String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  String collection() {
    String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    return prefix + (namespace == null ? "" : "/namespaces/" + namespace) + "/" + plural;
  }

  /** The path of the object itself, without subresource. */
  String item() {
    return collection() + "/" + name;
  }

  /** How the API server names the resource in messages: {@code deployments.apps}. */
  String qualifiedPlural() {
    return group.isEmpty() ? plural : plural + "." + group;
  }
}
