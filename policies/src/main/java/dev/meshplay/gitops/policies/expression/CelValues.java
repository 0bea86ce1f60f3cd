package dev.meshplay.gitops.policies.expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a rendered object tree into values CEL accepts. SnakeYAML yields {@code Integer} where
 * CEL's {@code int} is 64-bit, so every integral number becomes a {@code Long}; YAML nulls become
 * absent keys, so {@code has()} reads them as unset, the way Kubernetes treats them.
 */
public final class CelValues {
  private CelValues() {}

  public static Object of(Object value) {
    return switch (value) {
      case Map<?, ?> map -> map(map);
      case List<?> list -> list(list);
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case BigInteger big -> big.bitLength() < 64 ? big.longValue() : big.doubleValue();
      case Float f -> f.doubleValue();
      case BigDecimal d -> d.doubleValue();
      case null -> null;
      default -> value;
    };
  }

  private static Map<String, Object> map(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>(map.size() * 2);
    map.forEach(
        (k, v) -> {
          if (v != null) {
            out.put(String.valueOf(k), of(v));
          }
        });
    return out;
  }

  private static List<Object> list(List<?> list) {
    List<Object> out = new ArrayList<>(list.size());
    for (Object item : list) {
      // A null list item has no CEL meaning here; an empty string keeps indexes stable.
      out.add(item == null ? "" : of(item));
    }
    return out;
  }
}
