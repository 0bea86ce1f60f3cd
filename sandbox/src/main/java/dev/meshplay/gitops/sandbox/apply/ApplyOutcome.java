package dev.meshplay.gitops.sandbox.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a server-side apply decides: the new object, or the conflicts that stop it. */
public sealed interface ApplyOutcome {

  /** The object to store, managedFields included. */
  record Applied(Map<String, Object> object) implements ApplyOutcome {}

  /** Fields owned by other managers that the apply would change; nothing is stored. */
  record Conflicted(List<Conflict> conflicts) implements ApplyOutcome {
    public Conflicted {
      conflicts = List.copyOf(conflicts);
    }

    /** The API server's message, e.g. {@code Apply failed with 1 conflict: conflict with ...}. */
    public String message() {
      if (conflicts.size() == 1) {
        Conflict only = conflicts.getFirst();
        return "Apply failed with 1 conflict: conflict with " + only.manager() + ": " + only.path();
      }
      Map<String, List<Conflict>> byManager = new TreeMap<>();
      conflicts.forEach(
          c -> byManager.computeIfAbsent(c.manager().toString(), m -> new ArrayList<>()).add(c));
      List<String> lines = new ArrayList<>();
      byManager.forEach(
          (manager, list) -> {
            lines.add("conflicts with " + manager + ":");
            list.forEach(c -> lines.add("- " + c.path()));
          });
      return "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
    }
  }
}
