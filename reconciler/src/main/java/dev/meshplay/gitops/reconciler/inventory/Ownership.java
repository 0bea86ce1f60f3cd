package dev.meshplay.gitops.reconciler.inventory;

import dev.meshplay.gitops.render.RenderedObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The marks that say an object is ours: labels to select and check by, annotations to explain where
 * it came from. Nothing without both labels is ever deleted.
 */
public final class Ownership {
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGER = "meshplay-gitops";
  public static final String SOURCE = "meshplay.dev/source";
  public static final String DESIGN = "meshplay.dev/design";
  public static final String CONFIG_HASH = "meshplay.dev/config-hash";

  private Ownership() {}

  /**
   * A copy of the rendered body carrying our labels and annotations. The config hash covers the
   * body as rendered, so a field removed from Git shows as a change even though the live object
   * still has it.
   */
  public static Map<String, Object> stamp(RenderedObject object, String source, String design) {
    Map<String, Object> body = deepCopy(object.body());
    Map<String, Object> metadata = child(body, "metadata");
    child(metadata, "labels").put(MANAGED_BY, MANAGER);
    child(metadata, "labels").put(SOURCE, source);
    Map<String, Object> annotations = child(metadata, "annotations");
    annotations.put(DESIGN, design);
    annotations.put(CONFIG_HASH, hash(object.body()));
    return body;
  }

  /** True when the live object carries our manager label and the given source's label. */
  public static boolean ownedBy(Map<String, Object> live, String source) {
    Object metadata = live.get("metadata");
    if (!(metadata instanceof Map<?, ?> meta)
        || !(meta.get("labels") instanceof Map<?, ?> labels)) {
      return false;
    }
    return MANAGER.equals(labels.get(MANAGED_BY)) && Objects.equals(source, labels.get(SOURCE));
  }

  /** An annotation of a live object, or null. */
  public static String annotation(Map<String, Object> live, String key) {
    if (live.get("metadata") instanceof Map<?, ?> meta
        && meta.get("annotations") instanceof Map<?, ?> annotations
        && annotations.get(key) instanceof String value) {
      return value;
    }
    return null;
  }

  /** The config hash recorded on a live object, or null. */
  public static String configHash(Map<String, Object> live) {
    if (live.get("metadata") instanceof Map<?, ?> meta
        && meta.get("annotations") instanceof Map<?, ?> annotations
        && annotations.get(CONFIG_HASH) instanceof String hash) {
      return hash;
    }
    return null;
  }

  /** A short, stable digest of a body: maps are walked in sorted key order. */
  public static String hash(Map<String, Object> body) {
    StringBuilder canonical = new StringBuilder();
    canonicalize(body, canonical);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  private static void canonicalize(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      map.keySet().stream()
          .map(String::valueOf)
          .sorted()
          .forEach(
              key -> {
                out.append(key).append('=');
                canonicalize(map.get(key), out);
                out.append(';');
              });
      out.append('}');
    } else if (value instanceof Iterable<?> list) {
      out.append('[');
      list.forEach(
          item -> {
            canonicalize(item, out);
            out.append(',');
          });
      out.append(']');
    } else if (value instanceof Number number) {
      out.append(new java.math.BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
    } else {
      out.append(value == null ? "null" : "\"" + value + "\"");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<>());
  }

  @SuppressWarnings("unchecked")
  static <T> T deepCopy(T value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
      return (T) copy;
    }
    if (value instanceof java.util.List<?> list) {
      return (T) list.stream().map(Ownership::deepCopy).toList();
    }
    return value;
  }
}
