package dev.meshplay.gitops.reconciler.adoption;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Another deployment tool that says a live object is its own, read from the marks that tool puts on
 * what it deploys.
 *
 * @param tool {@code Argo CD}, {@code Flux} or {@code Helm}
 * @param owner what of that tool owns it (an application, a Kustomization, a release), as it names
 *     it
 * @param mark the label or annotation that says so, e.g. {@code meta.helm.sh/release-name}
 */
public record ForeignOwner(String tool, String owner, String mark) {

  /** A rule: a mark whose value names the owner, and how that owner is described. */
  private record Rule(String tool, String what, Where where, String key, String namespaceKey) {}

  private enum Where {
    LABEL,
    ANNOTATION
  }

  /*
   * First match wins: Flux's helm-controller also sets Helm's marks, so Flux comes before Helm.
   * Argo CD's label tracking uses app.kubernetes.io/instance, which Helm charts and people set
   * too: it counts only when Argo CD's controller wrote the object (see argoLabelTracking).
   */
  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "Argo CD", "application", Where.ANNOTATION, "argocd.argoproj.io/tracking-id", null),
          new Rule("Argo CD", "application", Where.LABEL, "argocd.argoproj.io/instance", null),
          new Rule(
              "Flux",
              "HelmRelease",
              Where.LABEL,
              "helm.toolkit.fluxcd.io/name",
              "helm.toolkit.fluxcd.io/namespace"),
          new Rule(
              "Flux",
              "Kustomization",
              Where.LABEL,
              "kustomize.toolkit.fluxcd.io/name",
              "kustomize.toolkit.fluxcd.io/namespace"),
          new Rule(
              "Helm",
              "release",
              Where.ANNOTATION,
              "meta.helm.sh/release-name",
              "meta.helm.sh/release-namespace"));

  static final String INSTANCE = "app.kubernetes.io/instance";
  static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  /** The tool that owns {@code live}, or empty when none we know of marks it. */
  public static Optional<ForeignOwner> of(Map<String, Object> live) {
    Map<?, ?> labels = metadataMap(live, "labels");
    Map<?, ?> annotations = metadataMap(live, "annotations");
    for (Rule rule : RULES) {
      Map<?, ?> marks = rule.where() == Where.LABEL ? labels : annotations;
      if (marks.get(rule.key()) instanceof String value && !value.isBlank()) {
        String namespace =
            rule.namespaceKey() == null ? null : (String) marks.get(rule.namespaceKey());
        String name = namespace == null ? value : namespace + "/" + value;
        return Optional.of(new ForeignOwner(rule.tool(), rule.what() + " " + name, rule.key()));
      }
    }
    if ("Helm".equals(labels.get(MANAGED_BY))) {
      Object release = labels.get(INSTANCE);
      return Optional.of(
          new ForeignOwner(
              "Helm", release == null ? "a release" : "release " + release, MANAGED_BY + "=Helm"));
    }
    if (labels.get(INSTANCE) instanceof String app && argoLabelTracking(live)) {
      return Optional.of(new ForeignOwner("Argo CD", "application " + app, INSTANCE));
    }
    return Optional.empty();
  }

  /** Why an object is left alone, e.g. "owned by Helm release shop/web (meta.helm.sh/...)". */
  public String describe() {
    return "owned by " + tool + " " + owner + " (" + mark + ")";
  }

  // Argo CD writes through field managers named argocd-controller or argocd-application-controller.
  private static boolean argoLabelTracking(Map<String, Object> live) {
    if (live.get("metadata") instanceof Map<?, ?> meta
        && meta.get("managedFields") instanceof List<?> entries) {
      return entries.stream()
          .anyMatch(
              e ->
                  e instanceof Map<?, ?> m
                      && String.valueOf(m.get("manager")).startsWith("argocd"));
    }
    return false;
  }

  private static Map<?, ?> metadataMap(Map<String, Object> live, String key) {
    if (live.get("metadata") instanceof Map<?, ?> meta && meta.get(key) instanceof Map<?, ?> map) {
      return map;
    }
    return Map.of();
  }
}
