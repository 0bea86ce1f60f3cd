package dev.meshplay.gitops.reconciler.manifest;

import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Relationship;
import dev.meshplay.gitops.render.RenderedObject;
import java.util.List;
import java.util.Optional;

/**
 * A design's objects exactly as the last pass applied them (rendered, then stamped with the
 * ownership marks), and the relationships the design declares: what the detail page draws.
 */
public record DesignManifest(List<RenderedObject> objects, List<Relationship> declared) {

  public DesignManifest {
    objects = List.copyOf(objects);
    declared = List.copyOf(declared);
  }

  public Optional<RenderedObject> object(ObjectRef ref) {
    return objects.stream().filter(o -> o.ref().equals(ref)).findFirst();
  }
}
