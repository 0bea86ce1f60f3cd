package dev.meshplay.gitops.reconciler.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The designs a soak adds, changes and removes, one change per commit, among a bounded set of names
 * so that a steady daemon holds a steady amount of state. Each design is a directory {@code
 * manifests/<name>/} with a Namespace {@code soak-<name>} and a ConfigMap whose {@code version}
 * counts its changes.
 */
public final class DesignChurn {
  /** What one commit does. */
  public enum Kind {
    ADD,
    CHANGE,
    REMOVE
  }

  public record Change(Kind kind, String design, int version) {
    public String message() {
      return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + design + " v" + version;
    }
  }

  private final Random random;
  private final int maxDesigns;
  private final Map<String, Integer> live = new TreeMap<>();

  public DesignChurn(long seed, int maxDesigns) {
    this.random = new Random(seed);
    this.maxDesigns = maxDesigns;
  }

  /** Picks the next change and records it: adds while few, removes when full, else any. */
  public Change next() {
    List<String> free = new ArrayList<>();
    for (int i = 0; i < maxDesigns; i++) {
      if (!live.containsKey("d" + i)) {
        free.add("d" + i);
      }
    }
    Kind kind;
    if (live.size() < 2) {
      kind = Kind.ADD;
    } else if (free.isEmpty()) {
      kind = random.nextBoolean() ? Kind.REMOVE : Kind.CHANGE;
    } else {
      kind = Kind.values()[random.nextInt(3)];
    }
    List<String> names = new ArrayList<>(live.keySet());
    Change change =
        switch (kind) {
          case ADD -> new Change(kind, free.get(random.nextInt(free.size())), 1);
          case CHANGE -> {
            String name = names.get(random.nextInt(names.size()));
            yield new Change(kind, name, live.get(name) + 1);
          }
          case REMOVE -> {
            String name = names.get(random.nextInt(names.size()));
            yield new Change(kind, name, live.get(name));
          }
        };
    if (kind == Kind.REMOVE) {
      live.remove(change.design());
    } else {
      live.put(change.design(), change.version());
    }
    return change;
  }

  /** Design name to its current version: what the cluster must hold after the last commit. */
  public Map<String, Integer> live() {
    return Map.copyOf(live);
  }

  public static String path(String design) {
    return "manifests/" + design + "/objects.yaml";
  }

  public static String namespace(String design) {
    return "soak-" + design;
  }

  public static String manifest(String design, int version) {
    return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %s
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: %s
        data:
          version: "%d"
          padding: "%s"
        """
        .formatted(namespace(design), namespace(design), version, "x".repeat(200 + version % 50));
  }
}
