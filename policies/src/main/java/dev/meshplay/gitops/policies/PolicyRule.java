package dev.meshplay.gitops.policies;

import dev.meshplay.gitops.render.Provenance;

/**
 * What a report needs to know about a rule, without its expression.
 *
 * @param source where the rule is defined: a repository-relative file, or {@code builtin:…} for the
 *     pack shipped with Meshplay
 * @param reference a URL explaining the rule, or null
 */
public record PolicyRule(
    String id,
    String title,
    String description,
    Enforcement severity,
    String reference,
    Provenance source) {}
