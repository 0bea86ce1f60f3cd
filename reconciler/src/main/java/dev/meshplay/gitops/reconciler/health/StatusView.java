package dev.meshplay.gitops.reconciler.health;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read access to the parts of a live object health checks look at. */
record StatusView(Map<?, ?> object) {

  Map<?, ?> spec() {
    return map(object.get("spec"));
  }

  Map<?, ?> status() {
    return map(object.get("status"));
  }

  long generation() {
    return number(map(object.get("metadata")).get("generation"), 0);
  }

  long observedGeneration() {
    return number(status().get("observedGeneration"), 0);
  }

  long status(String field) {
    return number(status().get(field), 0);
  }

  long replicas() {
    return number(spec().get("replicas"), 1);
  }

  /** The condition of the given type, if the status lists it. */
  Optional<Map<?, ?>> condition(String type) {
    if (!(status().get("conditions") instanceof List<?> conditions)) {
      return Optional.empty();
    }
    for (Object c : conditions) {
      if (c instanceof Map<?, ?> m && type.equals(m.get("type"))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  boolean conditionIs(String type, String value) {
    return condition(type).map(c -> value.equals(c.get("status"))).orElse(false);
  }

  static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }

  private static long number(Object value, long fallback) {
    return value instanceof Number n ? n.longValue() : fallback;
  }
}
