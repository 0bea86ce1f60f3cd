package dev.meshplay.gitops.perf.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * When each profile last ran, from wherever results are kept. The scheduler asks it once per new
 * profile, to run a profile whose run fell in a downtime once (not once per missed slot).
 */
@FunctionalInterface
public interface LastRuns {

  /** Nothing is known: no catch-up runs. */
  LastRuns NONE = profileId -> Optional.empty();

  Optional<Instant> lastRun(String profileId);
}
