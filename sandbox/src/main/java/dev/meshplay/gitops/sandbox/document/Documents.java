package dev.meshplay.gitops.sandbox.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Kubernetes objects as plain Java values: {@code Map<String, Object>}, {@code List<Object>},
 * {@code String}, {@code Long}, {@code Double}, {@code Boolean} and {@code null}.
 *
 * <p>Every integer becomes a {@code Long}, so values read from JSON, from YAML and from stored
 * managedFields keys compare equal with {@link Object#equals}.
 */
public final class Documents {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();
  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

  private Documents() {}

  /** Reads one object from JSON or YAML (apply bodies may be either). */
  public static Map<String, Object> parseObject(String text) {
    Object value = parse(text);
    if (value instanceof Map<?, ?> map) {
      return asObject(map);
    }
    throw new IllegalArgumentException("the body is not an object");
  }

  /** Reads any JSON or YAML value (JSON first when it looks like JSON: YAML reads it too). */
  public static Object parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the body is empty");
    }
    String trimmed = text.strip();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        return normalize(JSON.readValue(text, Object.class));
      } catch (JacksonException notJson) {
        // flow-style YAML such as {a: b}: read below
      }
    }
    try {
      return normalize(YAML.readValue(text, Object.class));
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "the body is neither JSON nor YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes a value as compact JSON. */
  public static String toJson(Object value) {
    return JSON.writeValueAsString(value);
  }

  /** The value as a Jackson tree, for libraries that work on trees. */
  public static JsonNode toTree(Object value) {
    return JSON.valueToTree(value);
  }

  /** A value back from a Jackson tree. */
  public static Object fromTree(JsonNode node) {
    return normalize(JSON.treeToValue(node, Object.class));
  }

  /** A deep, mutable copy with every integer as a {@code Long}. */
  public static Object normalize(Object value) {
    return switch (value) {
      case Map<?, ?> map -> {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(v)));
        yield copy;
      }
      case List<?> list -> {
        List<Object> copy = new ArrayList<>(list.size());
        list.forEach(v -> copy.add(normalize(v)));
        yield copy;
      }
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case java.math.BigInteger big when big.bitLength() < 64 -> big.longValue();
      case Float f -> f.doubleValue();
      case null, default -> value;
    };
  }

  /** A deep copy of an object. */
  public static Map<String, Object> copy(Map<String, Object> object) {
    return asObject(object);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Map<?, ?> map) {
    return (Map<String, Object>) normalize(map);
  }
}
