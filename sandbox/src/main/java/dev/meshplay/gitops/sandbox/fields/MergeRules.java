package dev.meshplay.gitops.sandbox.fields;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which lists of the built-in kinds merge per item (and by which keys), and which maps are atomic:
 * the emulator's stand-in for the {@code x-kubernetes-list-type}, {@code
 * x-kubernetes-list-map-keys} and {@code x-kubernetes-map-type} markers of the real OpenAPI schema.
 * Every other list is atomic and every other map merges per key.
 */
public final class MergeRules {
  private static final Set<String> CONTAINER_LISTS =
      Set.of("containers", "initContainers", "ephemeralContainers");
  private static final Set<String> LABEL_SELECTORS =
      Set.of("selector", "podSelector", "namespaceSelector", "labelSelector");
  private static final Map<String, Object> TCP = Map.of("protocol", "TCP");

  private MergeRules() {}

  /**
   * The type of the list at a path.
   *
   * @param kind the kind of the object the list is in
   * @param fieldNames the map field names from the object root to the list
   * @param items the list itself: a keyed list whose items cannot all be keyed falls back to atomic
   */
  public static ListType listType(String kind, List<String> fieldNames, List<?> items) {
    ListType declared = declaredListType(kind, fieldNames);
    if (declared instanceof ListType.Keyed keyed && !keyed.canKey(items)) {
      return new ListType.Atomic();
    }
    return declared;
  }

  /** The list type declared for a path, before looking at the items. */
  public static ListType declaredListType(String kind, List<String> fieldNames) {
    if (fieldNames.isEmpty()) {
      return new ListType.Atomic();
    }
    String field = fieldNames.getLast();
    String parent = fieldNames.size() > 1 ? fieldNames.get(fieldNames.size() - 2) : "";
    if (fieldNames.equals(List.of("metadata", "finalizers"))) {
      return new ListType.Set();
    }
    if (fieldNames.equals(List.of("metadata", "ownerReferences"))) {
      return keyed(List.of("uid"), Map.of());
    }
    if ("Service".equals(kind) && fieldNames.equals(List.of("spec", "ports"))) {
      return keyed(List.of("port", "protocol"), TCP);
    }
    if (CONTAINER_LISTS.contains(field)) {
      return keyed(List.of("name"), Map.of());
    }
    if (CONTAINER_LISTS.contains(parent)) {
      return switch (field) {
        case "ports" -> keyed(List.of("containerPort", "protocol"), TCP);
        case "env" -> keyed(List.of("name"), Map.of());
        case "volumeMounts" -> keyed(List.of("mountPath"), Map.of());
        case "volumeDevices" -> keyed(List.of("devicePath"), Map.of());
        default -> new ListType.Atomic();
      };
    }
    return switch (field) {
      case "volumes", "imagePullSecrets" -> keyed(List.of("name"), Map.of());
      default -> new ListType.Atomic();
    };
  }

  /** Whether the map at a path is replaced and owned whole (label selectors are). */
  public static boolean atomicMap(List<String> fieldNames) {
    return !fieldNames.isEmpty()
        && !fieldNames.getFirst().equals("metadata")
        && LABEL_SELECTORS.contains(fieldNames.getLast());
  }

  private static ListType keyed(List<String> keys, Map<String, Object> defaults) {
    return new ListType.Keyed(keys, defaults);
  }
}
