package dev.meshplay.gitops.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One object, one owner: an object declared twice (by API group, kind, namespace and name; the
 * version does not matter) would be applied twice with whichever body came last, and pruned when
 * either copy went away. The later declaration is the error, naming the earlier one.
 */
final class DuplicateObjects {

  private DuplicateObjects() {}

  /**
   * @param designs in key order, which decides which declaration counts as earlier
   */
  static void report(List<DesignBuilder> designs) {
    Map<String, RenderedObject> first = new HashMap<>();
    for (DesignBuilder design : designs) {
      if (design.failed()) {
        continue;
      }
      List<Diagnostic> duplicates = new ArrayList<>();
      for (RenderedObject object : design.objects()) {
        ObjectRef ref = object.ref();
        String identity = ref.groupKind() + "/" + ref.namespace() + "/" + ref.name();
        RenderedObject earlier = first.putIfAbsent(identity, object);
        if (earlier != null) {
          Provenance at = object.provenance();
          duplicates.add(
              Diagnostic.error(
                  at.file(),
                  at.line(),
                  0,
                  ref + " is already declared at " + earlier.provenance()));
        }
      }
      design.reportAll(duplicates);
    }
  }
}
