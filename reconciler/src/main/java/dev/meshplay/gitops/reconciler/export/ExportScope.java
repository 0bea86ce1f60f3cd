package dev.meshplay.gitops.reconciler.export;

import java.util.List;
import java.util.Set;

/**
 * What {@code export} reads and how it writes it.
 *
 * @param namespaces the namespaces to export; empty for every namespace but Kubernetes' own and
 *     ours
 * @param selector a label selector every exported object matches, or null
 * @param kinds the kinds (or resource names) to export; empty for every namespaced kind. A
 *     cluster-scoped kind is exported only when named here.
 */
public record ExportScope(
    List<String> namespaces, String selector, List<String> kinds, ExportFormat format) {

  /** Namespaces an export of "everything" leaves out. */
  static final Set<String> SYSTEM_NAMESPACES =
      Set.of("kube-system", "kube-public", "kube-node-lease", "meshplay-system");

  public ExportScope {
    namespaces = List.copyOf(namespaces);
    kinds = List.copyOf(kinds);
  }

  /** Whether the user named {@code kind} (by kind or resource name), or named none. */
  boolean wants(String kind, String plural) {
    return kinds.isEmpty() || named(kind, plural);
  }

  boolean named(String kind, String plural) {
    return kinds.stream().anyMatch(k -> k.equalsIgnoreCase(kind) || k.equalsIgnoreCase(plural));
  }
}
