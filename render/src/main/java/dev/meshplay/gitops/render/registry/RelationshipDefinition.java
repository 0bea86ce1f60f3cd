package dev.meshplay.gitops.render.registry;

/**
 * A class of relationship a model declares (Meshery's {@code relationships/*.json}): for example
 * {@code hierarchical/parent/wallet} between a WASMFilter and an EnvoyFilter.
 *
 * @param fromKind the kind on the {@code from} side of the first selector, {@code *} when any
 * @param toKind the kind on the {@code to} side of the first selector, {@code *} when any
 * @param source the file it was read from
 */
public record RelationshipDefinition(
    String model,
    String kind,
    String type,
    String subType,
    String fromKind,
    String toKind,
    String source) {}
