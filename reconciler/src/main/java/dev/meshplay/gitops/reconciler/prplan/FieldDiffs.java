package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.reconciler.plan.Drift;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The old and new value of every field where two objects differ. Walks the trees the way {@link
 * Drift} does, so the paths are the same ones the planner reported; only fields the wanted object
 * sets are compared, because what the server adds (status, defaults) is not a change.
 */
public final class FieldDiffs {
  private static final int MAX_VALUE = 120;

  private FieldDiffs() {}

  /** The differences at {@code paths} (the planner's drift, after ignore rules). */
  public static List<FieldDiff> at(
      Map<String, Object> want, Map<String, Object> have, Collection<String> paths) {
    Set<String> keep = new HashSet<>(paths);
    return between(want, have).stream().filter(d -> keep.contains(d.path())).toList();
  }

  /** Every difference between {@code want} and {@code have}, {@code .status} left out. */
  public static List<FieldDiff> between(Map<String, Object> want, Map<String, Object> have) {
    List<FieldDiff> out = new ArrayList<>();
    compareMaps(want, have, "", out);
    out.removeIf(d -> d.path().equals(".status") || d.path().startsWith(".status."));
    return out;
  }

  private static void compare(Object want, Object have, String path, List<FieldDiff> out) {
    if (want instanceof Map<?, ?> wantMap && have instanceof Map<?, ?> haveMap) {
      compareMaps(wantMap, haveMap, path, out);
    } else if (want instanceof List<?> wantList
        && have instanceof List<?> haveList
        && haveList.size() == wantList.size()) {
      for (int i = 0; i < wantList.size(); i++) {
        compare(wantList.get(i), haveList.get(i), path + "[" + i + "]", out);
      }
    } else if (!same(want, have)) {
      out.add(new FieldDiff(path, compact(have), compact(want)));
    }
  }

  private static void compareMaps(
      Map<?, ?> want, Map<?, ?> have, String path, List<FieldDiff> out) {
    for (Map.Entry<?, ?> entry : want.entrySet()) {
      String child = path + "." + entry.getKey();
      if (!have.containsKey(entry.getKey())) {
        if (!isEmpty(entry.getValue())) {
          out.add(new FieldDiff(child, null, compact(entry.getValue())));
        }
        continue;
      }
      compare(entry.getValue(), have.get(entry.getKey()), child, out);
    }
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof Map<?, ?> m && m.isEmpty())
        || (value instanceof List<?> l && l.isEmpty());
  }

  private static boolean same(Object want, Object have) {
    if (want instanceof Number a && have instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    return want == null ? have == null : want.equals(have);
  }

  // Whole sub-trees (a container added) are shown on one line, cut so one field cannot fill a
  // comment.
  static String compact(Object value) {
    if (value == null) {
      return null;
    }
    String text = value instanceof String s ? s : String.valueOf(value);
    return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE - 1) + "…";
  }
}
