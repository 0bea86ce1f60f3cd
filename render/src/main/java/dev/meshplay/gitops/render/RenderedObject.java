package dev.meshplay.gitops.render;

import java.util.Map;

/**
 * One Kubernetes object a design declares, as a plain JSON-like tree (maps, lists, strings,
 * numbers, booleans), with where it came from.
 */
public record RenderedObject(ObjectRef ref, Map<String, Object> body, Provenance provenance) {}
