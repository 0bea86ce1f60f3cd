package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.perf.profile.ProfileReading;
import dev.meshplay.gitops.policies.Findings;
import dev.meshplay.gitops.reconciler.settings.RepositorySettings;
import dev.meshplay.gitops.render.RenderedSet;
import java.util.List;

/**
 * One commit, rendered: its designs, its meshplay.yaml settings, the policy findings and the
 * benchmark profiles.
 *
 * @param settingsError why meshplay.yaml could not be read ({@code meshplay.yaml:line:col: …}), or
 *     null; while set, nothing is applied or pruned
 * @param findings what the policy pack and the repository's policies found; a design with an active
 *     deny finding is not applied
 * @param profiles the profiles under benchmarks/, each read or rejected with its file:line
 */
public record RenderedRepository(
    RenderedSet designs,
    RepositorySettings settings,
    String settingsError,
    Findings findings,
    List<ProfileReading> profiles) {

  public RenderedRepository {
    profiles = List.copyOf(profiles);
  }
}
