package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.reconciler.cluster.Cluster;
import dev.meshplay.gitops.reconciler.health.Readiness;
import dev.meshplay.gitops.render.ObjectRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits, between apply stages, for what the next stage builds on: each CRD applied until it is
 * Established and its kind is served, each Namespace until it is Active. The API server reports
 * both within moments; a timeout names the first object that did not get there.
 */
final class StageGate {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(200);

  private final Cluster cluster;
  private final Duration timeout;

  StageGate(Cluster cluster, Duration timeout) {
    this.cluster = cluster;
    this.timeout = timeout;
  }

  /**
   * @param applied the stage's changes after they were tried (failed ones are not waited for)
   * @param live the objects as the server returned them, refreshed here while waiting
   * @return null when everything is ready, else {@code Kind/name not established after 30s}
   */
  String await(List<AppliedChange> applied, Map<ObjectRef, Map<String, Object>> live) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (AppliedChange change : applied) {
      if (change.failed()) {
        continue;
      }
      ObjectRef ref = change.change().ref();
      String pending = pending(ref, change.change().body(), live.get(ref));
      while (pending != null) {
        if (System.nanoTime() > deadline) {
          return ref + " " + pending + " after " + seconds(timeout);
        }
        sleep();
        Map<String, Object> now = cluster.get(ref).orElse(null);
        live.put(ref, now);
        pending = pending(ref, change.change().body(), now);
      }
    }
    return null;
  }

  private String pending(ObjectRef ref, Map<String, Object> desired, Map<String, Object> live) {
    String notReady = Readiness.pending(live);
    if (notReady != null || !ref.kind().equals("CustomResourceDefinition")) {
      return notReady;
    }
    return CrdKinds.servedVersions(desired).stream()
            .allMatch(apiVersion -> cluster.serves(apiVersion, CrdKinds.kind(desired)))
        ? null
        : "not served in API discovery";
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an apply stage", e);
    }
  }
}
