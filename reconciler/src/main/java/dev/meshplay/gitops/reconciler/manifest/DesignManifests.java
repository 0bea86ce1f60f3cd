package dev.meshplay.gitops.reconciler.manifest;

import dev.meshplay.gitops.reconciler.plan.Change;
import dev.meshplay.gitops.reconciler.plan.Plan;
import dev.meshplay.gitops.render.RenderedDesign;
import dev.meshplay.gitops.render.RenderedObject;
import dev.meshplay.gitops.render.RenderedSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the manifests of one pass from its plan: pure, no copies of the bodies. */
public final class DesignManifests {
  private DesignManifests() {}

  /**
   * Per design key, the objects the plan carries a body for (what is applied or already matches) in
   * plan order, with the relationships the design declares. Designs held back by a failure or a
   * suspension have no bodies in the plan and so no manifest.
   */
  public static Map<String, DesignManifest> of(Plan plan, RenderedSet rendered) {
    Map<String, List<RenderedObject>> objects = new LinkedHashMap<>();
    for (Change c : plan.changes()) {
      if (c.body() != null) {
        objects
            .computeIfAbsent(c.design(), k -> new ArrayList<>())
            .add(new RenderedObject(c.ref(), c.body(), c.provenance()));
      }
    }
    Map<String, DesignManifest> out = new LinkedHashMap<>();
    for (RenderedDesign design : rendered.designs()) {
      List<RenderedObject> list = objects.get(design.key());
      if (list != null) {
        out.put(design.key(), new DesignManifest(list, design.declaredRelationships()));
      }
    }
    return out;
  }
}
