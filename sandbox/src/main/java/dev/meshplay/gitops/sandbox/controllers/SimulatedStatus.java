package dev.meshplay.gitops.sandbox.controllers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The status a real controller would eventually write for an object, computed from its spec:
 * rollouts finished, jobs complete, claims bound, CRDs established. Pure, so the simulation's rules
 * are tested without a server.
 */
public final class SimulatedStatus {
  private SimulatedStatus() {}

  /** The settled status of {@code object}, or empty when its kind has none to simulate. */
  public static Optional<Map<String, Object>> of(Map<String, Object> object) {
    String kind = String.valueOf(object.get("kind"));
    Map<String, Object> spec = map(object.get("spec"));
    long generation = number(map(object.get("metadata")).get("generation"), 1);
    Map<String, Object> status = new LinkedHashMap<>();
    switch (kind) {
      case "Deployment" -> {
        long n = number(spec.get("replicas"), 1);
        status.put("observedGeneration", generation);
        status.put("replicas", n);
        status.put("updatedReplicas", n);
        status.put("readyReplicas", n);
        status.put("availableReplicas", n);
        status.put(
            "conditions",
            List.of(
                condition("Available", "MinimumReplicasAvailable"),
                condition("Progressing", "NewReplicaSetAvailable")));
      }
      case "StatefulSet" -> {
        long n = number(spec.get("replicas"), 1);
        String revision = map(object.get("metadata")).get("name") + "-" + generation;
        status.put("observedGeneration", generation);
        status.put("replicas", n);
        status.put("readyReplicas", n);
        status.put("currentReplicas", n);
        status.put("updatedReplicas", n);
        status.put("availableReplicas", n);
        status.put("currentRevision", revision);
        status.put("updateRevision", revision);
      }
      case "DaemonSet" -> {
        status.put("observedGeneration", generation);
        for (String field :
            List.of(
                "desiredNumberScheduled",
                "currentNumberScheduled",
                "numberReady",
                "updatedNumberScheduled",
                "numberAvailable")) {
          status.put(field, 1L);
        }
      }
      case "Job" -> {
        status.put("succeeded", 1L);
        status.put("conditions", List.of(condition("Complete", "Completed")));
      }
      case "PersistentVolumeClaim" -> status.put("phase", "Bound");
      case "Namespace" -> status.put("phase", "Active");
      case "CustomResourceDefinition" -> {
        status.put("acceptedNames", spec.getOrDefault("names", Map.of()));
        status.put(
            "conditions",
            List.of(
                condition("NamesAccepted", "NoConflicts"),
                condition("Established", "InitialNamesAccepted")));
      }
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(status);
  }

  /** True when the object already carries the status the simulation would write. */
  public static boolean settled(Map<String, Object> object, Map<String, Object> status) {
    Map<String, Object> current = map(object.get("status"));
    for (Map.Entry<String, Object> entry : status.entrySet()) {
      if (entry.getKey().equals("conditions")) {
        continue;
      }
      Object have = current.get(entry.getKey());
      Object want = entry.getValue();
      boolean same =
          have instanceof Number a && want instanceof Number b
              ? a.longValue() == b.longValue()
              : Objects.equals(have, want);
      if (!same) {
        return false;
      }
    }
    return current.containsKey("conditions") == status.containsKey("conditions");
  }

  private static Map<String, Object> condition(String type, String reason) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", type);
    c.put("status", "True");
    c.put("reason", reason);
    return c;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static long number(Object value, long fallback) {
    return value instanceof Number n ? n.longValue() : fallback;
  }
}
