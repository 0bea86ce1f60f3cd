package dev.meshplay.gitops.reconciler.export;

import dev.meshplay.gitops.reconciler.adoption.ForeignOwner;
import dev.meshplay.gitops.render.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an export tells its user, gathered while it runs: counts of skips, and named objects. */
final class Notes {
  private final Map<String, Integer> skipped = new TreeMap<>();
  private final List<String> foreign = new ArrayList<>();
  private final List<String> secrets = new ArrayList<>();
  private final List<String> unreadable = new ArrayList<>();

  void unreadable(String message) {
    unreadable.add("not exported, the cluster refused the list: " + message);
  }

  void skipped(String reason) {
    skipped.merge(reason, 1, Integer::sum);
  }

  void foreign(ObjectRef ref, ForeignOwner owner) {
    foreign.add(
        ref
            + ": "
            + owner.describe()
            + "; the daemon leaves it alone unless meshplay.yaml sets adopt: foreign for its design");
  }

  void secret(ObjectRef ref) {
    secrets.add(ref.toString());
  }

  List<String> lines(ExportFormat format) {
    List<String> lines = new ArrayList<>(unreadable);
    skipped.forEach((reason, count) -> lines.add("left out " + count + " object(s): " + reason));
    if (!secrets.isEmpty()) {
      lines.add(
          (format == ExportFormat.design
                  ? "written as references, without their data: "
                  : "left out (a manifest would need their data): ")
              + String.join(", ", secrets));
    }
    lines.addAll(foreign);
    return lines;
  }
}
