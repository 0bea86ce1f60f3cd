package dev.meshplay.gitops.reconciler.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a live object disagrees with the desired one. Only fields the desired object sets are
 * compared: what the server or other controllers add (status, defaults, managedFields) is not
 * drift.
 */
public final class Drift {
  private Drift() {}

  /** The paths, in {@code .spec.replicas} form, where {@code live} differs from {@code desired}. */
  public static List<String> between(Map<String, Object> desired, Map<String, Object> live) {
    List<String> paths = new ArrayList<>();
    compareMaps(desired, live, "", paths);
    paths.remove(".status");
    paths.removeIf(p -> p.startsWith(".status."));
    return paths;
  }

  private static void compare(Object want, Object have, String path, List<String> out) {
    if (want instanceof Map<?, ?> wantMap) {
      if (have instanceof Map<?, ?> haveMap) {
        compareMaps(wantMap, haveMap, path, out);
      } else {
        out.add(path);
      }
    } else if (want instanceof List<?> wantList) {
      if (!(have instanceof List<?> haveList) || haveList.size() != wantList.size()) {
        out.add(path);
        return;
      }
      for (int i = 0; i < wantList.size(); i++) {
        compare(wantList.get(i), haveList.get(i), path + "[" + i + "]", out);
      }
    } else if (!sameScalar(want, have)) {
      out.add(path);
    }
  }

  private static void compareMaps(Map<?, ?> want, Map<?, ?> have, String path, List<String> out) {
    for (Map.Entry<?, ?> entry : want.entrySet()) {
      String child = path + "." + entry.getKey();
      if (child.equals(".status")) {
        continue;
      }
      if (!have.containsKey(entry.getKey())) {
        if (!isEmpty(entry.getValue())) {
          out.add(child);
        }
        continue;
      }
      compare(entry.getValue(), have.get(entry.getKey()), child, out);
    }
  }

  // An empty map or list in Git is often dropped by the server: not a difference a user means.
  private static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof Map<?, ?> m && m.isEmpty())
        || (value instanceof List<?> l && l.isEmpty());
  }

  // YAML gives Integer where JSON from the server gives Long, or 1.0 for 1.
  private static boolean sameScalar(Object want, Object have) {
    if (want instanceof Number a && have instanceof Number b) {
      return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
    }
    return want == null ? have == null : want.equals(have);
  }
}
