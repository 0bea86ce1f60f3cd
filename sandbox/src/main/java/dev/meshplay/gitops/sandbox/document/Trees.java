package dev.meshplay.gitops.sandbox.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Navigation over the plain-value trees that {@link Documents} reads. */
public final class Trees {
  private Trees() {}

  /** The value as an object, or {@code null} when it is something else. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
  }

  /** The value as a list, or {@code null} when it is something else. */
  @SuppressWarnings("unchecked")
  public static List<Object> asList(Object value) {
    return value instanceof List<?> ? (List<Object>) value : null;
  }

  /** The string at a path of keys, or {@code null}. */
  public static String string(Map<String, Object> object, String... keys) {
    Object value = object;
    for (String key : keys) {
      Map<String, Object> map = asMap(value);
      if (map == null) {
        return null;
      }
      value = map.get(key);
    }
    return value instanceof String s ? s : null;
  }

  /** The {@code metadata} map of an object, created when absent. */
  public static Map<String, Object> metadata(Map<String, Object> object) {
    Map<String, Object> metadata = asMap(object.get("metadata"));
    if (metadata == null) {
      metadata = new LinkedHashMap<>();
      object.put("metadata", metadata);
    }
    return metadata;
  }
}
