package dev.meshplay.gitops.reconciler.load;

import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import java.util.List;
import java.util.Map;

/**
 * How many sources are done: their applied commit is their HEAD and each of their designs is {@code
 * Synced}.
 */
public record FleetProgress(int sources, int syncedAtHead) {

  public static FleetProgress of(
      List<SourceStatus> statuses, Map<String, String> heads, int designsPerSource) {
    int synced = 0;
    for (SourceStatus status : statuses) {
      String head = heads.get(status.name());
      boolean atHead = status.applied() != null && status.applied().id().equals(head);
      boolean allSynced =
          status.designs().size() == designsPerSource
              && status.designs().stream().allMatch(d -> d.state() == DesignState.SYNCED);
      if (atHead && allSynced) {
        synced++;
      }
    }
    return new FleetProgress(heads.size(), synced);
  }

  public boolean done() {
    return syncedAtHead == sources;
  }

  @Override
  public String toString() {
    return syncedAtHead + "/" + sources + " sources synced at HEAD";
  }
}
