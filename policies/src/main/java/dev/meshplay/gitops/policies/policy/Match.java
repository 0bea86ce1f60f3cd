package dev.meshplay.gitops.policies.policy;

import dev.meshplay.gitops.policies.labels.LabelSelector;
import java.util.Map;
import java.util.Set;

/**
 * Which objects a policy looks at. Empty {@code kinds} or {@code namespaces} mean any.
 *
 * @param kinds object kinds, e.g. {@code Deployment}
 * @param namespaces namespaces; a cluster-scoped object never matches a non-empty list
 */
public record Match(Set<String> kinds, Set<String> namespaces, LabelSelector labels) {

  public static final Match ANY = new Match(Set.of(), Set.of(), LabelSelector.EVERYTHING);

  public Match {
    kinds = Set.copyOf(kinds);
    namespaces = Set.copyOf(namespaces);
  }

  /** The kind check is done by the engine's index; this checks namespace and labels. */
  public boolean matches(String namespace, Map<String, String> objectLabels) {
    if (!namespaces.isEmpty() && (namespace == null || !namespaces.contains(namespace))) {
      return false;
    }
    return labels.matches(objectLabels);
  }
}
