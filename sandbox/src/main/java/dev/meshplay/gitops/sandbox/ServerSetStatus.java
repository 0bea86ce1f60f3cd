package dev.meshplay.gitops.sandbox;

import dev.meshplay.gitops.sandbox.document.Trees;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The status a real API server writes by itself, with no controller manager running: a Namespace is
 * {@code Active} from its creation (the namespace registry sets the phase), and a
 * CustomResourceDefinition is {@code NamesAccepted} and {@code Established} within moments (the
 * apiextensions server's own naming and establishing controllers). Anything a separate controller
 * does (rollouts, jobs, claims) stays in the opt-in simulation.
 */
final class ServerSetStatus {
  private ServerSetStatus() {}

  /** Fills in that status on an object about to be stored, unless it already has it. */
  static void fill(Map<String, Object> object) {
    switch (String.valueOf(object.get("kind"))) {
      case "Namespace" -> {
        Map<String, Object> status = status(object);
        status.putIfAbsent("phase", "Active");
      }
      case "CustomResourceDefinition" -> {
        Map<String, Object> status = status(object);
        if (status.get("conditions") == null) {
          Map<String, Object> spec = Trees.asMap(object.get("spec"));
          Object names = spec == null ? null : spec.get("names");
          status.put("acceptedNames", names == null ? Map.of() : names);
          status.put(
              "conditions",
              List.of(
                  condition("NamesAccepted", "NoConflicts", "no conflicts found"),
                  condition(
                      "Established",
                      "InitialNamesAccepted",
                      "the initial names have been accepted")));
        }
      }
      default -> {}
    }
  }

  private static Map<String, Object> status(Map<String, Object> object) {
    Map<String, Object> status = Trees.asMap(object.get("status"));
    Map<String, Object> copy = status == null ? new LinkedHashMap<>() : new LinkedHashMap<>(status);
    object.put("status", copy);
    return copy;
  }

  private static Map<String, Object> condition(String type, String reason, String message) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("type", type);
    c.put("status", "True");
    c.put("reason", reason);
    c.put("message", message);
    return c;
  }
}
