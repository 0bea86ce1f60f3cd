package dev.meshplay.gitops.reconciler.export;

import dev.meshplay.gitops.reconciler.inventory.Ownership;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a live object into what a person would have written: only {@code apiVersion}, {@code kind},
 * the body, and the metadata a design carries (name, namespace, labels, annotations) — no status,
 * uid, resourceVersion, managedFields, timestamps or generation — without the marks the API server
 * and kubectl add, and without {@link ApiDefaults defaulted fields}.
 */
final class ServerFields {
  private static final Set<String> KEPT_METADATA =
      Set.of("name", "namespace", "labels", "annotations");

  /** Annotations written by the server, a controller or kubectl, never by the author. */
  private static final Set<String> SERVER_ANNOTATIONS =
      Set.of(
          "kubectl.kubernetes.io/last-applied-configuration",
          "deployment.kubernetes.io/revision",
          "pv.kubernetes.io/bind-completed",
          "pv.kubernetes.io/bound-by-controller",
          "volume.beta.kubernetes.io/storage-provisioner",
          "volume.kubernetes.io/storage-provisioner",
          "volume.kubernetes.io/selected-node",
          Ownership.DESIGN,
          Ownership.CONFIG_HASH);

  private static final Set<String> SERVER_LABELS =
      Set.of("kubernetes.io/metadata.name", Ownership.SOURCE);

  /** Labels the Job controller puts on its pod template and selector. */
  private static final List<String> JOB_LABELS =
      List.of(
          "controller-uid",
          "job-name",
          "batch.kubernetes.io/controller-uid",
          "batch.kubernetes.io/job-name");

  private ServerFields() {}

  /** A cleaned deep copy of {@code live}; {@code live} is not changed. */
  static Map<String, Object> clean(Map<String, Object> live) {
    Map<String, Object> object = copy(live);
    object.remove("status");
    String kind = String.valueOf(object.get("kind"));
    if (object.get("metadata") instanceof Map<?, ?> meta) {
      Map<String, Object> metadata = new LinkedHashMap<>();
      meta.forEach(
          (k, v) -> {
            if (KEPT_METADATA.contains(String.valueOf(k))) {
              metadata.put(String.valueOf(k), v);
            }
          });
      prune(metadata, "annotations", SERVER_ANNOTATIONS);
      prune(metadata, "labels", SERVER_LABELS);
      if (metadata.get("labels") instanceof Map<?, ?> labels
          && Ownership.MANAGER.equals(labels.get(Ownership.MANAGED_BY))) {
        labels.remove(Ownership.MANAGED_BY);
        dropIfEmpty(metadata, "labels");
      }
      object.put("metadata", metadata);
    }
    if (kind.equals("Job")) {
      jobLabels(object);
    }
    ApiDefaults.strip(kind, object);
    return object;
  }

  private static void prune(Map<String, Object> metadata, String key, Set<String> server) {
    if (metadata.get(key) instanceof Map<?, ?> marks) {
      marks.keySet().removeIf(server::contains);
      dropIfEmpty(metadata, key);
    }
  }

  private static void dropIfEmpty(Map<String, Object> metadata, String key) {
    if (metadata.get(key) instanceof Map<?, ?> m && m.isEmpty()) {
      metadata.remove(key);
    }
  }

  // The Job controller generates its selector unless manualSelector is set.
  private static void jobLabels(Map<String, Object> job) {
    if (!(job.get("spec") instanceof Map<?, ?> spec)
        || Boolean.TRUE.equals(spec.get("manualSelector"))) {
      return;
    }
    spec.remove("selector");
    if (spec.get("template") instanceof Map<?, ?> template
        && template.get("metadata") instanceof Map<?, ?> meta
        && meta.get("labels") instanceof Map<?, ?> labels) {
      JOB_LABELS.forEach(labels::remove);
    }
  }

  @SuppressWarnings("unchecked")
  static <T> T copy(T value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
      return (T) copy;
    }
    if (value instanceof List<?> list) {
      return (T) new java.util.ArrayList<>(list.stream().map(ServerFields::copy).toList());
    }
    return value;
  }
}
