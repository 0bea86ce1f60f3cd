package dev.meshplay.gitops.policies.relationship;

import static dev.meshplay.gitops.policies.relationship.RelationshipType.MOUNT;
import static dev.meshplay.gitops.policies.relationship.RelationshipType.REFERENCE;

import dev.meshplay.gitops.policies.labels.Labels;
import java.util.List;
import java.util.Map;

/**
 * What a pod spec refers to by name: volumes (mount), environment sources (reference) and its
 * ServiceAccount. References marked {@code optional: true} may dangle, as Kubernetes allows.
 */
final class PodReferences {
  /** Published into every namespace by Kubernetes itself, so never declared in a repository. */
  private static final String ROOT_CA = "kube-root-ca.crt";

  private PodReferences() {}

  static void scan(Workload w, GraphBuilder graph) {
    String ns = w.object().ref().namespace();
    String spec = w.specPath();
    int i = 0;
    for (Map<?, ?> volume : maps(w.podSpec().get("volumes"))) {
      String via = spec + ".volumes[" + i++ + "]";
      volumeSource(w, graph, ns, via, volume);
      int j = 0;
      for (Map<?, ?> source : maps(Labels.path(volume, "projected", "sources"))) {
        volumeSource(w, graph, ns, via + ".projected.sources[" + j++ + "]", source);
      }
    }
    for (String group : List.of("initContainers", "containers")) {
      int c = 0;
      for (Map<?, ?> container : maps(w.podSpec().get(group))) {
        env(w, graph, ns, spec + "." + group + "[" + c++ + "]", container);
      }
    }
    Object account = w.podSpec().get("serviceAccountName");
    if (account instanceof String name) {
      graph.reference(
          w.object(),
          REFERENCE,
          spec + ".serviceAccountName",
          "ServiceAccount",
          ns,
          name,
          false,
          false);
    }
  }

  private static void volumeSource(
      Workload w, GraphBuilder graph, String ns, String via, Map<?, ?> source) {
    if (source.get("configMap") instanceof Map<?, ?> cm) {
      ref(w, graph, MOUNT, via + ".configMap", "ConfigMap", ns, cm.get("name"), cm);
    }
    if (source.get("secret") instanceof Map<?, ?> s) {
      Object name = s.containsKey("secretName") ? s.get("secretName") : s.get("name");
      ref(w, graph, MOUNT, via + ".secret", "Secret", ns, name, s);
    }
    if (source.get("persistentVolumeClaim") instanceof Map<?, ?> pvc) {
      ref(
          w,
          graph,
          MOUNT,
          via + ".persistentVolumeClaim",
          "PersistentVolumeClaim",
          ns,
          pvc.get("claimName"),
          Map.of());
    }
  }

  private static void env(
      Workload w, GraphBuilder graph, String ns, String via, Map<?, ?> container) {
    int k = 0;
    for (Map<?, ?> from : maps(container.get("envFrom"))) {
      String at = via + ".envFrom[" + k++ + "]";
      if (from.get("configMapRef") instanceof Map<?, ?> cm) {
        ref(w, graph, REFERENCE, at + ".configMapRef", "ConfigMap", ns, cm.get("name"), cm);
      }
      if (from.get("secretRef") instanceof Map<?, ?> s) {
        ref(w, graph, REFERENCE, at + ".secretRef", "Secret", ns, s.get("name"), s);
      }
    }
    k = 0;
    for (Map<?, ?> variable : maps(container.get("env"))) {
      String at = via + ".env[" + k++ + "].valueFrom";
      if (Labels.path(variable, "valueFrom", "configMapKeyRef") instanceof Map<?, ?> cm) {
        ref(w, graph, REFERENCE, at + ".configMapKeyRef", "ConfigMap", ns, cm.get("name"), cm);
      }
      if (Labels.path(variable, "valueFrom", "secretKeyRef") instanceof Map<?, ?> s) {
        ref(w, graph, REFERENCE, at + ".secretKeyRef", "Secret", ns, s.get("name"), s);
      }
    }
  }

  private static void ref(
      Workload w,
      GraphBuilder graph,
      RelationshipType type,
      String via,
      String kind,
      String ns,
      Object name,
      Map<?, ?> source) {
    boolean optional = Boolean.TRUE.equals(source.get("optional")) || ROOT_CA.equals(name);
    graph.reference(w.object(), type, via, kind, ns, String.valueOf(name), true, !optional);
  }

  static List<Map<?, ?>> maps(Object tree) {
    if (!(tree instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().filter(Map.class::isInstance).<Map<?, ?>>map(m -> (Map<?, ?>) m).toList();
  }
}
