package dev.meshplay.gitops.reconciler.loop;

import java.util.List;
import java.util.Map;

/** What a CustomResourceDefinition body declares: its kind and the versions it serves. */
final class CrdKinds {
  private CrdKinds() {}

  static String kind(Map<String, Object> crd) {
    return String.valueOf(map(map(crd.get("spec")).get("names")).get("kind"));
  }

  /** {@code group/version} for each served version. */
  static List<String> servedVersions(Map<String, Object> crd) {
    Map<?, ?> spec = map(crd.get("spec"));
    if (!(spec.get("versions") instanceof List<?> versions)) {
      return List.of();
    }
    return versions.stream()
        .map(CrdKinds::map)
        .filter(v -> v.get("name") != null && !Boolean.FALSE.equals(v.get("served")))
        .map(v -> spec.get("group") + "/" + v.get("name"))
        .toList();
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }
}
