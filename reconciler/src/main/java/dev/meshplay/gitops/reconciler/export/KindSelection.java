package dev.meshplay.gitops.reconciler.export;

import dev.meshplay.gitops.reconciler.cluster.ApiKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of the kinds a cluster serves an export lists: those that can be listed, that hold
 * configuration rather than records, that the scope asks for. Namespaces are listed separately, as
 * the parents of what is exported.
 */
final class KindSelection {
  /** Groups whose objects are computed or reported, never configured. */
  private static final Set<String> COMPUTED_GROUPS =
      Set.of("metrics.k8s.io", "events.k8s.io", "authorization.k8s.io", "authentication.k8s.io");

  private KindSelection() {}

  static List<ApiKind> pick(List<ApiKind> served, ExportScope scope) {
    Map<String, ApiKind> picked = new LinkedHashMap<>();
    for (ApiKind kind : served) {
      boolean listable = kind.verbs().contains("list") && kind.verbs().contains("get");
      boolean configuration =
          !COMPUTED_GROUPS.contains(kind.group())
              && !ExportSkips.RECORD_KINDS.contains(kind.kind())
              && !kind.kind().equals("Namespace");
      // Cluster-scoped objects are shared by every namespace: only exported when asked for.
      boolean inScope =
          kind.namespaced()
              ? scope.wants(kind.kind(), kind.plural())
              : scope.named(kind.kind(), kind.plural());
      if (listable && configuration && inScope) {
        picked.putIfAbsent(kind.group() + "/" + kind.kind(), kind);
      }
    }
    return List.copyOf(picked.values());
  }

  /** The Namespace kind as the cluster serves it. */
  static ApiKind namespaces(List<ApiKind> served) {
    return find(served, "", "Namespace");
  }

  /** The CustomResourceDefinition kind, or null when the cluster serves none. */
  static ApiKind customResourceDefinitions(List<ApiKind> served) {
    return find(served, "apiextensions.k8s.io", "CustomResourceDefinition");
  }

  private static ApiKind find(List<ApiKind> served, String group, String kind) {
    return served.stream()
        .filter(k -> k.group().equals(group) && k.kind().equals(kind))
        .findFirst()
        .orElse(null);
  }
}
