package dev.meshplay.gitops.sandbox.patch;

import dev.meshplay.gitops.sandbox.document.Documents;
import dev.meshplay.gitops.sandbox.document.Trees;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON merge patch (RFC 7386): maps merge per key, {@code null} deletes, all else replaces. */
public final class MergePatch {
  private MergePatch() {}

  public static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch) {
    return Trees.asMap(merge(target, patch));
  }

  private static Object merge(Object target, Object patch) {
    Map<String, Object> patchMap = Trees.asMap(patch);
    if (patchMap == null) {
      return Documents.normalize(patch);
    }
    Map<String, Object> targetMap = Trees.asMap(target);
    Map<String, Object> out = targetMap == null ? new LinkedHashMap<>() : Documents.copy(targetMap);
    patchMap.forEach(
        (key, value) -> {
          if (value == null) {
            out.remove(key);
          } else {
            out.put(key, merge(out.get(key), value));
          }
        });
    return out;
  }
}
