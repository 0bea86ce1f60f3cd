package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.reconciler.settings.RepositorySettings;
import dev.meshplay.gitops.render.RenderedSet;

/**
 * One commit, rendered: its designs and its meshplay.yaml settings.
 *
 * @param settingsError why meshplay.yaml could not be read ({@code meshplay.yaml:line:col: …}), or
 *     null; while set, nothing is applied or pruned
 */
public record RenderedRepository(
    RenderedSet designs, RepositorySettings settings, String settingsError) {}
