package dev.meshplay.gitops.reconciler.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The fields the API server fills in with defaults (or allocates) when an object is created, so an
 * export holds what a person would have written. A field is removed only when its value is the
 * default: a value someone chose stays, even if it looks like one. Table-driven: one row per field.
 */
final class ApiDefaults {

  /** One defaulted field: which kinds, where, and when its value is the server's, not a choice. */
  private record Row(Set<String> kinds, String path, BiPredicate<Object, Map<?, ?>> isDefault) {}

  private static final Set<String> SERVICE = Set.of("Service");
  private static final Set<String> DEPLOYMENT = Set.of("Deployment");
  private static final Set<String> STATEFUL_SET = Set.of("StatefulSet");
  private static final Set<String> DAEMON_SET = Set.of("DaemonSet");
  private static final Set<String> JOB = Set.of("Job");

  /** Where each workload kind keeps its pod spec. */
  private static final Map<String, String> POD_SPEC =
      Map.of(
          "Pod", "spec",
          "Deployment", "spec.template.spec",
          "StatefulSet", "spec.template.spec",
          "DaemonSet", "spec.template.spec",
          "ReplicaSet", "spec.template.spec",
          "Job", "spec.template.spec",
          "CronJob", "spec.jobTemplate.spec.template.spec");

  private ApiDefaults() {}

  /** Removes every defaulted field of {@code object} (a mutable tree) in place. */
  static void strip(String kind, Map<String, Object> object) {
    for (Row row : ROWS) {
      if (row.kinds().contains(kind)) {
        FieldWalk.remove(object, row.path(), row.isDefault());
      }
    }
    String pod = POD_SPEC.get(kind);
    if (pod != null) {
      for (Row row : POD_ROWS) {
        FieldWalk.remove(object, pod + "." + row.path(), row.isDefault());
      }
      String template = pod.substring(0, Math.max(0, pod.length() - ".spec".length()));
      if (!template.isEmpty()) {
        FieldWalk.remove(object, template + ".metadata.creationTimestamp", (v, m) -> v == null);
      }
    }
  }

  private static BiPredicate<Object, Map<?, ?>> is(Object value) {
    return (v, holder) -> FieldWalk.same(v, value);
  }

  private static final BiPredicate<Object, Map<?, ?>> ANY = (v, holder) -> true;
  private static final BiPredicate<Object, Map<?, ?>> EMPTY =
      (v, holder) -> (v instanceof Map<?, ?> m && m.isEmpty()) || v == null;

  private static final List<Row> POD_ROWS =
      List.of(
          row(Set.of(), "restartPolicy", is("Always")),
          row(Set.of(), "dnsPolicy", is("ClusterFirst")),
          row(Set.of(), "schedulerName", is("default-scheduler")),
          row(Set.of(), "terminationGracePeriodSeconds", is(30)),
          row(Set.of(), "enableServiceLinks", is(true)),
          row(Set.of(), "securityContext", EMPTY),
          // The deprecated twin of serviceAccountName, copied from it by the server.
          row(
              Set.of(),
              "serviceAccount",
              (v, pod) -> FieldWalk.same(v, pod.get("serviceAccountName"))),
          row(Set.of(), "volumes[*].configMap.defaultMode", is(420)),
          row(Set.of(), "volumes[*].secret.defaultMode", is(420)),
          row(Set.of(), "containers[*].terminationMessagePath", is("/dev/termination-log")),
          row(Set.of(), "containers[*].terminationMessagePolicy", is("File")),
          row(Set.of(), "containers[*].imagePullPolicy", ApiDefaults::defaultPullPolicy),
          row(Set.of(), "containers[*].resources", EMPTY),
          row(Set.of(), "containers[*].ports[*].protocol", is("TCP")),
          row(Set.of(), "initContainers[*].terminationMessagePath", is("/dev/termination-log")),
          row(Set.of(), "initContainers[*].terminationMessagePolicy", is("File")),
          row(Set.of(), "initContainers[*].imagePullPolicy", ApiDefaults::defaultPullPolicy),
          row(Set.of(), "initContainers[*].resources", EMPTY));

  // After the constants rows() uses: static fields initialise in order.
  private static final List<Row> ROWS = rows();

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    // Services: addresses are allocated, the rest defaulted.
    rows.add(row(SERVICE, "spec.clusterIP", (v, spec) -> !"None".equals(v)));
    rows.add(
        row(
            SERVICE,
            "spec.clusterIPs", // Copied from clusterIP by the server (or allocated, when clusterIP
            // went too).
            (v, spec) ->
                !spec.containsKey("clusterIP")
                    || FieldWalk.same(v, List.of(spec.get("clusterIP")))));
    rows.add(row(SERVICE, "spec.ipFamilies", ANY));
    rows.add(row(SERVICE, "spec.ipFamilyPolicy", is("SingleStack")));
    rows.add(row(SERVICE, "spec.sessionAffinity", is("None")));
    rows.add(row(SERVICE, "spec.internalTrafficPolicy", is("Cluster")));
    rows.add(row(SERVICE, "spec.externalTrafficPolicy", is("Cluster")));
    rows.add(row(SERVICE, "spec.type", is("ClusterIP")));
    rows.add(row(SERVICE, "spec.ports[*].protocol", is("TCP")));
    rows.add(
        row(SERVICE, "spec.ports[*].targetPort", (v, port) -> FieldWalk.same(v, port.get("port"))));
    // Workloads.
    rows.add(row(DEPLOYMENT, "spec.revisionHistoryLimit", is(10)));
    rows.add(row(DEPLOYMENT, "spec.progressDeadlineSeconds", is(600)));
    rows.add(
        row(
            DEPLOYMENT,
            "spec.strategy",
            is(
                Map.of(
                    "type",
                    "RollingUpdate",
                    "rollingUpdate",
                    Map.of("maxSurge", "25%", "maxUnavailable", "25%")))));
    rows.add(row(STATEFUL_SET, "spec.revisionHistoryLimit", is(10)));
    rows.add(row(STATEFUL_SET, "spec.podManagementPolicy", is("OrderedReady")));
    rows.add(
        row(
            STATEFUL_SET,
            "spec.updateStrategy",
            is(Map.of("type", "RollingUpdate", "rollingUpdate", Map.of("partition", 0)))));
    rows.add(
        row(
            STATEFUL_SET,
            "spec.persistentVolumeClaimRetentionPolicy",
            is(Map.of("whenDeleted", "Retain", "whenScaled", "Retain"))));
    rows.add(row(DAEMON_SET, "spec.revisionHistoryLimit", is(10)));
    rows.add(
        row(
            DAEMON_SET,
            "spec.updateStrategy",
            is(
                Map.of(
                    "type",
                    "RollingUpdate",
                    "rollingUpdate",
                    Map.of("maxUnavailable", 1, "maxSurge", 0)))));
    rows.add(row(JOB, "spec.backoffLimit", is(6)));
    rows.add(row(JOB, "spec.completionMode", is("NonIndexed")));
    rows.add(row(JOB, "spec.suspend", is(false)));
    rows.add(row(Set.of("Namespace"), "spec.finalizers", is(List.of("kubernetes"))));
    rows.add(row(Set.of("Namespace"), "spec", EMPTY));
    rows.add(row(Set.of("PersistentVolumeClaim"), "spec.volumeMode", is("Filesystem")));
    return List.copyOf(rows);
  }

  private static Row row(Set<String> kinds, String path, BiPredicate<Object, Map<?, ?>> test) {
    return new Row(kinds, path, test);
  }

  /** Always for {@code :latest} or no tag, IfNotPresent otherwise; a digest counts as a tag. */
  private static boolean defaultPullPolicy(Object value, Map<?, ?> container) {
    if (!(container.get("image") instanceof String image)) {
      return false;
    }
    String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    String last = name.substring(name.lastIndexOf('/') + 1);
    boolean latest = !image.contains("@") && (!last.contains(":") || last.endsWith(":latest"));
    return (latest ? "Always" : "IfNotPresent").equals(value);
  }
}
