package dev.meshplay.gitops.reconciler.export;

import dev.meshplay.gitops.render.ObjectRef;
import java.util.Map;

/**
 * A live object as an export writes it.
 *
 * @param body the cleaned object (for a Secret, its metadata and type only)
 * @param namespaced whether its kind lives in namespaces, as the cluster's discovery says
 * @param reference true for a Secret: written as a reference the daemon never applies
 * @param model the Meshery model it belongs to: {@code kubernetes}, or one per CRD group
 */
record ExportedObject(
    ObjectRef ref, Map<String, Object> body, boolean namespaced, boolean reference, String model) {}
