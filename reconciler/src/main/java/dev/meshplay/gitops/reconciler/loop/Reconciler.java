package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.git.Snapshot;
import dev.meshplay.gitops.reconciler.cluster.Cluster;
import dev.meshplay.gitops.reconciler.cluster.ClusterException;
import dev.meshplay.gitops.reconciler.health.Health;
import dev.meshplay.gitops.reconciler.health.HealthTracker;
import dev.meshplay.gitops.reconciler.inventory.Inventory;
import dev.meshplay.gitops.reconciler.inventory.InventoryStore;
import dev.meshplay.gitops.reconciler.inventory.Ownership;
import dev.meshplay.gitops.reconciler.plan.Change;
import dev.meshplay.gitops.reconciler.plan.DesiredObject;
import dev.meshplay.gitops.reconciler.plan.Plan;
import dev.meshplay.gitops.reconciler.plan.Planner;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.RenderedDesign;
import dev.meshplay.gitops.render.RenderedObject;
import dev.meshplay.gitops.render.RenderedSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One pass for one source and one cluster: render → plan → apply → prune → inventory → status. Each
 * step is a method returning a value; the cluster is touched only through {@link Cluster}.
 */
public final class Reconciler {
  private final String source;
  private final Cluster cluster;
  private final SnapshotRenderer renderer;
  private final InventoryStore inventories;
  private final HealthTracker healthTracker;

  public Reconciler(String source, Cluster cluster, SnapshotRenderer renderer) {
    this.source = source;
    this.cluster = cluster;
    this.renderer = renderer;
    this.inventories = new InventoryStore(cluster);
    this.healthTracker =
        new HealthTracker(java.time.Clock.systemUTC(), HealthTracker.DEFAULT_TIMEOUT);
  }

  public PassOutcome reconcile(Snapshot snapshot) {
    RenderedSet rendered = renderer.render(snapshot);
    try {
      Inventory previous = inventories.read(source);
      List<DesiredObject> desired = desired(rendered);
      Map<ObjectRef, Map<String, Object>> live = live(desired, previous);
      Plan plan = plan(rendered, desired, live, previous);
      List<AppliedChange> applied = apply(plan.applies(), live);
      Set<String> applyFailed = designsWithErrors(applied);
      List<AppliedChange> pruned = prune(plan.prunes(), applyFailed);
      inventories.write(source, keepFailed(plan.nextInventory(), previous, applyFailed));
      Map<ObjectRef, Health> health = healthTracker.assess(desired, live);
      return DesignStatuses.of(rendered, plan, previous, applied, pruned, health);
    } catch (ClusterException e) {
      return new PassOutcome.ClusterUnavailable(e.getMessage());
    }
  }

  private List<DesiredObject> desired(RenderedSet rendered) {
    List<DesiredObject> desired = new ArrayList<>();
    for (RenderedDesign design : rendered.designs()) {
      if (design.failed()) {
        continue;
      }
      for (RenderedObject object : design.objects()) {
        desired.add(
            new DesiredObject(
                design.key(),
                object.ref(),
                Ownership.stamp(object, source, design.key()),
                object.provenance()));
      }
    }
    return desired;
  }

  /** The live object of every desired and inventoried ref; absent ones are missing. */
  private Map<ObjectRef, Map<String, Object>> live(
      List<DesiredObject> desired, Inventory previous) {
    Set<ObjectRef> refs = new LinkedHashSet<>(previous.all());
    desired.forEach(d -> refs.add(d.ref()));
    Map<ObjectRef, Map<String, Object>> live = new HashMap<>();
    for (ObjectRef ref : refs) {
      cluster.get(ref).ifPresent(object -> live.put(ref, object));
    }
    return live;
  }

  private Plan plan(
      RenderedSet rendered,
      List<DesiredObject> desired,
      Map<ObjectRef, Map<String, Object>> live,
      Inventory previous) {
    Set<String> ok = keys(rendered, false);
    Set<String> failed = keys(rendered, true);
    return Planner.plan(source, desired, live, previous, ok, failed);
  }

  /** Applies in plan order; what the server stored replaces the live view, for health. */
  private List<AppliedChange> apply(
      List<Change> changes, Map<ObjectRef, Map<String, Object>> live) {
    List<AppliedChange> results = new ArrayList<>();
    for (Change change : changes) {
      results.add(attempt(change, () -> live.put(change.ref(), cluster.apply(change.body()))));
    }
    return results;
  }

  /** Prunes, except for designs where an apply failed: half-applied designs keep what they had. */
  private List<AppliedChange> prune(List<Change> changes, Set<String> skip) {
    List<AppliedChange> results = new ArrayList<>();
    for (Change change : changes) {
      if (!skip.contains(change.design())) {
        results.add(attempt(change, () -> cluster.delete(change.ref())));
      }
    }
    return results;
  }

  private AppliedChange attempt(Change change, Runnable call) {
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
      if (t instanceof java.net.ConnectException || t instanceof java.io.IOException) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> designsWithErrors(List<AppliedChange> applied) {
    return applied.stream()
        .filter(AppliedChange::failed)
        .map(a -> a.change().design())
        .collect(Collectors.toSet());
  }

  private static Inventory keepFailed(Inventory next, Inventory previous, Set<String> failed) {
    Inventory result = next;
    for (String design : failed) {
      Set<ObjectRef> union = new LinkedHashSet<>(previous.of(design));
      union.addAll(next.of(design));
      result = result.with(design, union);
    }
    return result;
  }

  private static Set<String> keys(RenderedSet rendered, boolean failed) {
    return rendered.designs().stream()
        .filter(d -> d.failed() == failed)
        .map(RenderedDesign::key)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
