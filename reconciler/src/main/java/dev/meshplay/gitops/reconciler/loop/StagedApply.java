package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.reconciler.cluster.ClusterException;
import dev.meshplay.gitops.reconciler.plan.Change;
import dev.meshplay.gitops.render.ObjectRef;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a plan's changes stage by stage ({@link ApplyStage}): CRDs, wait until established;
 * Namespaces, wait until active; other cluster-scoped objects; the rest. Plan order is kept within
 * a stage. When a wait times out, the object waited for carries the reason as its error and nothing
 * of the later stages is applied (each such change says why), so the designs involved fail with a
 * named reason instead of half-applying onto an API that does not serve their kinds yet.
 */
final class StagedApply {
  private final ConflictPolicy conflicts;
  private final StageGate gate;

  StagedApply(ConflictPolicy conflicts, StageGate gate) {
    this.conflicts = conflicts;
    this.gate = gate;
  }

  /** What each stage did; {@code live} is updated with what the server stored. */
  List<ChangeSet> apply(List<Change> changes, Map<ObjectRef, Map<String, Object>> live) {
    Map<ApplyStage, List<Change>> byStage = new EnumMap<>(ApplyStage.class);
    changes.forEach(
        c -> byStage.computeIfAbsent(ApplyStage.of(c.ref()), s -> new ArrayList<>()).add(c));
    List<ChangeSet> sets = new ArrayList<>();
    String stalled = null;
    for (ApplyStage stage : ApplyStage.values()) {
      List<Change> staged = byStage.getOrDefault(stage, List.of());
      if (staged.isEmpty()) {
        continue;
      }
      if (stalled != null) {
        String reason = "not applied: " + stalled;
        sets.add(
            new ChangeSet(
                stage, staged.stream().map(c -> new AppliedChange(c, reason)).toList(), stalled));
        continue;
      }
      List<AppliedChange> done = new ArrayList<>();
      for (Change change : staged) {
        done.add(attempt(change, () -> live.put(change.ref(), conflicts.apply(change, live))));
      }
      if (stage == ApplyStage.CRDS || stage == ApplyStage.NAMESPACES) {
        stalled = gate.await(done, live);
        if (stalled != null) {
          done = blame(done, stalled);
        }
      }
      sets.add(new ChangeSet(stage, done, stalled));
    }
    return sets;
  }

  /** The object that did not become ready carries the reason, so its design fails with it. */
  private static List<AppliedChange> blame(List<AppliedChange> done, String stalled) {
    return done.stream()
        .map(
            a ->
                !a.failed() && stalled.startsWith(a.change().ref() + " ")
                    ? new AppliedChange(a.change(), stalled)
                    : a)
        .toList();
  }

  static AppliedChange attempt(Change change, Runnable call) {
    try {
      call.run();
      return new AppliedChange(change, null);
    } catch (ClusterException e) {
      if (isUnreachable(e)) {
        throw e;
      }
      return new AppliedChange(change, e.getMessage());
    }
  }

  // A refused connection fails the whole pass; a rejected object fails only its design.
  private static boolean isUnreachable(ClusterException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }
}
