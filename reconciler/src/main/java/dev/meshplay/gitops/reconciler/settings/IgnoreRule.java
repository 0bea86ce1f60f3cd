package dev.meshplay.gitops.reconciler.settings;

import java.util.List;

/**
 * Fields not compared for drift on objects of a kind (like Argo CD's ignoreDifferences), e.g.
 * {@code .spec.replicas} of a Deployment scaled by an autoscaler.
 */
public record IgnoreRule(String kind, List<String> paths) {

  public IgnoreRule {
    paths = List.copyOf(paths);
  }

  /** True when {@code path} (like {@code .spec.replicas}) is one of, or under, the ignored. */
  public boolean ignores(String objectKind, String path) {
    if (!kind.equals("*") && !kind.equals(objectKind)) {
      return false;
    }
    return paths.stream()
        .anyMatch(p -> path.equals(p) || path.startsWith(p + ".") || path.startsWith(p + "["));
  }
}
