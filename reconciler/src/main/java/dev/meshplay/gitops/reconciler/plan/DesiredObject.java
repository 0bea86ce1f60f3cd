package dev.meshplay.gitops.reconciler.plan;

import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;
import java.util.Map;

/** An object as it should be in the cluster, already stamped with our ownership marks. */
public record DesiredObject(
    String design, ObjectRef ref, Map<String, Object> body, Provenance provenance) {}
