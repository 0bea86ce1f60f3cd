package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.reconciler.cluster.ChangeListener;
import java.util.List;
import java.util.Map;

/**
 * Gives a pass now to the source whose object changed in a cluster, or to every source when the
 * object names no source this daemon runs.
 */
public final class SourceWakeUp implements ChangeListener {
  private final List<SourceLoop> loops;
  private final Map<String, SourceLoop> bySource;

  /**
   * @param loops every source loop, filled as the daemon starts
   * @param bySource the same loops by source name
   */
  public SourceWakeUp(List<SourceLoop> loops, Map<String, SourceLoop> bySource) {
    this.loops = loops;
    this.bySource = bySource;
  }

  @Override
  public void sourceChanged(String source) {
    SourceLoop loop = bySource.get(source);
    if (loop == null) {
      everythingChanged();
    } else {
      loop.triggerNow();
    }
  }

  @Override
  public void everythingChanged() {
    loops.forEach(SourceLoop::triggerNow);
  }
}
