package dev.meshplay.gitops.policies.relationship;

import dev.meshplay.gitops.policies.labels.Labels;
import java.util.Map;

/** Where each kind that runs pods keeps its pod template. */
public final class PodTemplates {
  private PodTemplates() {}

  /** The pod template ({@code metadata} and {@code spec}) of a workload, or null. */
  public static Map<?, ?> template(String kind, Map<?, ?> body) {
    Object template =
        switch (kind) {
          case "Pod" -> body;
          case "Deployment",
              "StatefulSet",
              "DaemonSet",
              "ReplicaSet",
              "Job",
              "ReplicationController" ->
              Labels.path(body, "spec", "template");
          case "CronJob" -> Labels.path(body, "spec", "jobTemplate", "spec", "template");
          default -> null;
        };
    return template instanceof Map<?, ?> map ? map : null;
  }

  /** The pod spec of a workload, or null when the kind runs no pods or has none. */
  public static Map<?, ?> spec(String kind, Map<?, ?> body) {
    Map<?, ?> template = template(kind, body);
    return template != null && template.get("spec") instanceof Map<?, ?> spec ? spec : null;
  }

  /** Where {@link #spec} sits, as a field path for messages. */
  static String specPath(String kind) {
    return switch (kind) {
      case "Pod" -> "spec";
      case "CronJob" -> "spec.jobTemplate.spec.template.spec";
      default -> "spec.template.spec";
    };
  }
}
