package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.git.Snapshot;
import dev.meshplay.gitops.reconciler.cluster.Cluster;
import dev.meshplay.gitops.reconciler.cluster.ClusterException;
import dev.meshplay.gitops.reconciler.health.Health;
import dev.meshplay.gitops.reconciler.health.HealthTracker;
import dev.meshplay.gitops.reconciler.inventory.Inventory;
import dev.meshplay.gitops.reconciler.inventory.InventoryStore;
import dev.meshplay.gitops.reconciler.inventory.Ownership;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.reconciler.plan.Change;
import dev.meshplay.gitops.reconciler.plan.DesiredObject;
import dev.meshplay.gitops.reconciler.plan.Plan;
import dev.meshplay.gitops.reconciler.plan.PlanInput;
import dev.meshplay.gitops.reconciler.plan.Planner;
import dev.meshplay.gitops.reconciler.settings.RepositorySettings;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.RenderedDesign;
import dev.meshplay.gitops.render.RenderedObject;
import dev.meshplay.gitops.render.RenderedSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One pass for one source and one target cluster: render → target → plan → apply → prune →
 * inventory → health → status. Each step is a method returning a value; the cluster is touched only
 * through {@link Cluster}.
 */
public final class Reconciler {
  private final String source;
  private final Target target;
  private final SnapshotRenderer renderer;
  private final InventoryStore inventories;
  private final HealthTracker healthTracker;
  private final Map<ObjectRef, List<String>> lastRepair =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<ObjectRef, String> adopted = new java.util.concurrent.ConcurrentHashMap<>();

  public Reconciler(String source, Target target, SnapshotRenderer renderer) {
    this.source = source;
    this.target = target;
    this.renderer = renderer;
    this.inventories = new InventoryStore(target.cluster());
    this.healthTracker = new HealthTracker(Clock.systemUTC(), HealthTracker.DEFAULT_TIMEOUT);
  }

  public Target target() {
    return target;
  }

  public PassOutcome reconcile(Snapshot snapshot) {
    RenderedRepository repository = renderer.render(snapshot);
    if (repository.settingsError() != null) {
      return new PassOutcome.SettingsInvalid(repository.settingsError());
    }
    RepositorySettings settings = repository.settings();
    RenderedSet rendered = targeted(repository.designs(), settings);
    Set<String> suspended = suspended(rendered, settings);
    Set<String> denied = repository.findings().blockedDesigns();
    try {
      Inventory previous = inventories.read(source);
      Set<String> held = new java.util.HashSet<>(suspended);
      held.addAll(denied);
      List<DesiredObject> desired = desired(rendered, held);
      Map<ObjectRef, Map<String, Object>> live = live(desired, previous);
      Plan plan = Planner.plan(planInput(rendered, held, settings, desired, live, previous));
      List<AppliedChange> applied = apply(plan.applies(), live, settings);
      Set<String> applyFailed = designsWithErrors(applied);
      List<AppliedChange> pruned = prune(plan.prunes(), applyFailed);
      Inventory next = keepFailed(plan.nextInventory(), previous, applyFailed);
      if (!next.equals(previous)) {
        inventories.write(source, next);
      }
      Map<ObjectRef, Health> health = healthTracker.assess(desired, live);
      rememberRepairs(applied);
      rememberAdoptions(applied);
      return DesignStatuses.of(
          new PassResult(
              rendered,
              suspended,
              repository.findings(),
              plan,
              previous,
              applied,
              pruned,
              health,
              Map.copyOf(lastRepair),
              Map.copyOf(adopted)));
    } catch (ClusterException e) {
      return new PassOutcome.ClusterUnavailable(e.getMessage());
    }
  }

  /** Repairs stay visible on the page after the pass that made them. */
  private void rememberRepairs(List<AppliedChange> applied) {
    for (AppliedChange change : applied) {
      if (!change.failed() && !change.change().drift().isEmpty()) {
        lastRepair.put(change.change().ref(), change.change().drift());
      }
    }
  }

  /** Adoptions stay visible on the page after the pass that made them. */
  private void rememberAdoptions(List<AppliedChange> applied) {
    for (AppliedChange change : applied) {
      if (!change.failed() && change.change().action() == Action.ADOPT) {
        adopted.put(change.change().ref(), change.change().note());
      }
    }
  }

  /** Only the designs whose targets name this cluster. */
  private RenderedSet targeted(RenderedSet all, RepositorySettings settings) {
    return new RenderedSet(
        all.designs().stream()
            .filter(d -> settings.forDesign(d.key()).targets(target.name(), target.labels()))
            .toList());
  }

  private static Set<String> suspended(RenderedSet rendered, RepositorySettings settings) {
    return rendered.designs().stream()
        .map(RenderedDesign::key)
        .filter(key -> settings.forDesign(key).suspend())
        .collect(Collectors.toSet());
  }

  private List<DesiredObject> desired(RenderedSet rendered, Set<String> suspended) {
    List<DesiredObject> desired = new ArrayList<>();
    for (RenderedDesign design : rendered.designs()) {
      if (design.failed() || suspended.contains(design.key())) {
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
      target.cluster().get(ref).ifPresent(object -> live.put(ref, object));
    }
    return live;
  }

  private PlanInput planInput(
      RenderedSet rendered,
      Set<String> suspended,
      RepositorySettings settings,
      List<DesiredObject> desired,
      Map<ObjectRef, Map<String, Object>> live,
      Inventory previous) {
    Set<String> ok = new LinkedHashSet<>();
    Set<String> held = new LinkedHashSet<>(suspended);
    for (RenderedDesign design : rendered.designs()) {
      if (design.failed()) {
        held.add(design.key());
      } else if (!suspended.contains(design.key())) {
        ok.add(design.key());
      }
    }
    Set<ObjectRef> desiredRefs =
        desired.stream().map(DesiredObject::ref).collect(Collectors.toSet());
    Set<String> inUse =
        NamespaceUsage.inUse(target.cluster(), previous, desiredRefs, live.keySet());
    return new PlanInput(source, desired, live, previous, ok, held, settings, inUse);
  }

  /** Applies in plan order; what the server stored replaces the live view, for health. */
  private List<AppliedChange> apply(
      List<Change> changes, Map<ObjectRef, Map<String, Object>> live, RepositorySettings settings) {
    List<AppliedChange> results = new ArrayList<>();
    ConflictPolicy conflicts = new ConflictPolicy(target.cluster(), settings);
    for (Change change : changes) {
      results.add(attempt(change, () -> live.put(change.ref(), conflicts.apply(change, live))));
    }
    return results;
  }

  /** Prunes, except for designs where an apply failed: half-applied designs keep what they had. */
  private List<AppliedChange> prune(List<Change> changes, Set<String> skip) {
    List<AppliedChange> results = new ArrayList<>();
    for (Change change : changes) {
      if (!skip.contains(change.design())) {
        results.add(attempt(change, () -> target.cluster().delete(change.ref())));
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
      if (t instanceof java.io.IOException) {
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
}
