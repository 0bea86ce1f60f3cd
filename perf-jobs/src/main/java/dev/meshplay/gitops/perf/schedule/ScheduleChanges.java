package dev.meshplay.gitops.perf.schedule;

import java.util.List;

/** What one {@link BenchmarkScheduler#sync} changed, by profile id. */
public record ScheduleChanges(List<String> added, List<String> changed, List<String> removed) {

  public ScheduleChanges {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
  }

  public boolean isEmpty() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
  }
}
