package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.reconciler.health.Health;
import dev.meshplay.gitops.reconciler.health.HealthChecks;
import dev.meshplay.gitops.reconciler.plan.DesiredObject;
import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.render.ObjectRef;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a design's dependencies are healthy in this cluster, in this pass, after their own layer
 * was applied: if not, why it waits ({@code waiting for design designs/db.yaml (Progressing)}).
 *
 * @param targeted designs that go to this cluster
 * @param held designs not applied here, with the state they show (Failed, Suspended)
 * @param desired by design, the objects it wants
 */
record DependencyWait(
    Set<String> targeted, Map<String, DesignState> held, Map<String, List<DesiredObject>> desired) {

  /**
   * @param failed designs an apply of this pass failed for
   * @param waiting designs already waiting, by reason
   * @param live the objects as they are now
   */
  String reason(
      List<String> dependencies,
      Set<String> failed,
      Map<String, String> waiting,
      Map<ObjectRef, Map<String, Object>> live) {
    for (String dependency : dependencies) {
      String state = state(dependency, failed, waiting, live);
      if (state != null) {
        return "waiting for design " + dependency + " (" + state + ")";
      }
    }
    return null;
  }

  /** Null when healthy, else the state shown in the reason. */
  private String state(
      String design,
      Set<String> failed,
      Map<String, String> waiting,
      Map<ObjectRef, Map<String, Object>> live) {
    if (!targeted.contains(design)) {
      return "not targeted at this cluster";
    }
    if (held.containsKey(design)) {
      return held.get(design).label();
    }
    if (failed.contains(design)) {
      return DesignState.FAILED.label();
    }
    if (waiting.containsKey(design)) {
      return DesignState.PROGRESSING.label();
    }
    boolean progressing = false;
    for (DesiredObject object : desired.getOrDefault(design, List.of())) {
      Map<String, Object> current = live.get(object.ref());
      Health health =
          current == null ? Health.progressing("not created yet") : HealthChecks.of(current);
      if (health.state() == Health.State.DEGRADED) {
        return DesignState.DEGRADED.label();
      }
      progressing |= health.state() == Health.State.PROGRESSING;
    }
    return progressing ? DesignState.PROGRESSING.label() : null;
  }
}
