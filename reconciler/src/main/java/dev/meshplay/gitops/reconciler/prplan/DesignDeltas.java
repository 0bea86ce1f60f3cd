package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.RenderedDesign;
import dev.meshplay.gitops.render.RenderedObject;
import dev.meshplay.gitops.render.RenderedSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a change does to the designs themselves, base against head: the review of the intent, before
 * any cluster is consulted. Pure.
 */
public final class DesignDeltas {
  private DesignDeltas() {}

  public static List<DesignDelta> between(RenderedSet base, RenderedSet head) {
    Map<String, Map<ObjectRef, RenderedObject>> before = index(base);
    Map<String, Map<ObjectRef, RenderedObject>> after = index(head);
    List<DesignDelta> deltas = new ArrayList<>();
    after.forEach(
        (design, objects) -> {
          Map<ObjectRef, RenderedObject> old = before.getOrDefault(design, Map.of());
          objects.forEach(
              (ref, object) -> {
                RenderedObject was = old.get(ref);
                if (was == null) {
                  deltas.add(new DesignDelta(design, ref, DesignDelta.Kind.ADDED, List.of()));
                } else {
                  List<FieldDiff> diffs = both(was.body(), object.body());
                  if (!diffs.isEmpty()) {
                    deltas.add(new DesignDelta(design, ref, DesignDelta.Kind.CHANGED, diffs));
                  }
                }
              });
        });
    before.forEach(
        (design, objects) ->
            objects.keySet().stream()
                .filter(ref -> !after.getOrDefault(design, Map.of()).containsKey(ref))
                .forEach(
                    ref ->
                        deltas.add(
                            new DesignDelta(design, ref, DesignDelta.Kind.REMOVED, List.of()))));
    return deltas;
  }

  // FieldDiffs compares only what the wanted side sets; fields the head dropped come from the
  // reverse walk, turned around.
  private static List<FieldDiff> both(Map<String, Object> base, Map<String, Object> head) {
    List<FieldDiff> diffs = new ArrayList<>(FieldDiffs.between(head, base));
    FieldDiffs.between(base, head).stream()
        .filter(d -> d.before() == null)
        .map(d -> new FieldDiff(d.path(), d.after(), null))
        .forEach(diffs::add);
    return diffs;
  }

  private static Map<String, Map<ObjectRef, RenderedObject>> index(RenderedSet set) {
    Map<String, Map<ObjectRef, RenderedObject>> index = new LinkedHashMap<>();
    for (RenderedDesign design : set.designs()) {
      Map<ObjectRef, RenderedObject> objects = new LinkedHashMap<>();
      design.objects().forEach(o -> objects.put(o.ref(), o));
      index.put(design.key(), objects);
    }
    return index;
  }
}
