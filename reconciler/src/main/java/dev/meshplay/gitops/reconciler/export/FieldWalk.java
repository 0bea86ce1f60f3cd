package dev.meshplay.gitops.reconciler.export;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Removes fields at a dotted path such as {@code
 * spec.template.spec.containers[*].ports[*].protocol} from a mutable JSON-like tree when a test on
 * the value (and the map holding it) says so. {@code [*]} walks every item of a list.
 */
final class FieldWalk {
  private FieldWalk() {}

  /**
   * @param remove given the value and the map that holds it, whether to remove it
   */
  static void remove(Map<String, Object> tree, String path, BiPredicate<Object, Map<?, ?>> remove) {
    walk(tree, path.split("\\."), 0, remove);
  }

  private static void walk(
      Object node, String[] steps, int at, BiPredicate<Object, Map<?, ?>> remove) {
    if (!(node instanceof Map<?, ?> map)) {
      return;
    }
    String step = steps[at];
    boolean each = step.endsWith("[*]");
    String key = each ? step.substring(0, step.length() - 3) : step;
    if (!map.containsKey(key)) {
      return;
    }
    Object value = map.get(key);
    if (each) {
      if (value instanceof List<?> items && at + 1 < steps.length) {
        items.forEach(item -> walk(item, steps, at + 1, remove));
      }
    } else if (at + 1 < steps.length) {
      walk(value, steps, at + 1, remove);
    } else if (remove.test(value, map)) {
      map.remove(key);
    }
  }

  /** Equality as the API means it: numbers by value (JSON gives Long where YAML gives Integer). */
  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      return x.size() == y.size()
          && x.entrySet().stream().allMatch(e -> same(e.getValue(), y.get(e.getKey())));
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!same(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }
}
