package dev.meshplay.gitops.reconciler.loop;

import dev.meshplay.gitops.git.Snapshot;
import dev.meshplay.gitops.reconciler.cluster.Cluster;
import dev.meshplay.gitops.reconciler.cluster.ClusterException;
import dev.meshplay.gitops.reconciler.health.Health;
import dev.meshplay.gitops.reconciler.health.HealthTracker;
import dev.meshplay.gitops.reconciler.inventory.Inventory;
import dev.meshplay.gitops.reconciler.inventory.InventoryStore;
import dev.meshplay.gitops.reconciler.inventory.Ownership;
import dev.meshplay.gitops.reconciler.order.DesignOrder;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.reconciler.plan.Change;
import dev.meshplay.gitops.reconciler.plan.DesiredObject;
import dev.meshplay.gitops.reconciler.plan.Plan;
import dev.meshplay.gitops.reconciler.plan.PlanInput;
import dev.meshplay.gitops.reconciler.plan.Planner;
import dev.meshplay.gitops.reconciler.settings.RepositorySettings;
import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.RenderedDesign;
import dev.meshplay.gitops.render.RenderedObject;
import dev.meshplay.gitops.render.RenderedSet;
import java.time.Clock;
import java.time.Duration;
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
  private final Duration stageTimeout;
  private final Map<ObjectRef, List<String>> lastRepair =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<ObjectRef, String> adopted = new java.util.concurrent.ConcurrentHashMap<>();

  /** How long CRDs may take to be established and Namespaces to be active, unless told. */
  public static final Duration DEFAULT_STAGE_TIMEOUT = StageGate.DEFAULT_TIMEOUT;

  public Reconciler(String source, Target target, SnapshotRenderer renderer) {
    this(source, target, renderer, InventoryStore.NAMESPACE, DEFAULT_STAGE_TIMEOUT);
  }

  /**
   * @param inventoryNamespace where the source's inventory ConfigMap lives in this cluster
   * @param stageTimeout how long CRDs may take to be established and Namespaces to be active before
   *     the pass gives up on the later apply stages
   */
  public Reconciler(
      String source,
      Target target,
      SnapshotRenderer renderer,
      String inventoryNamespace,
      Duration stageTimeout) {
    this.source = source;
    this.target = target;
    this.renderer = renderer;
    this.stageTimeout = stageTimeout;
    this.inventories = new InventoryStore(target.cluster(), inventoryNamespace);
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
    DesignOrder order = DesignOrder.of(names(repository.designs()), settings);
    try {
      Inventory previous = inventories.read(source);
      Set<String> held = new java.util.HashSet<>(suspended);
      held.addAll(denied);
      List<DesiredObject> desired = desired(rendered, held);
      Map<ObjectRef, Map<String, Object>> live = live(desired, previous);
      Plan plan = Planner.plan(planInput(rendered, held, settings, desired, live, previous));
      OrderedApply applied =
          applyInOrder(
              plan, settings, order, dependencyWait(rendered, suspended, denied, desired), live);
      Set<String> notApplied = designsWithErrors(applied.changes());
      notApplied.addAll(applied.waiting().keySet());
      List<AppliedChange> pruned = prune(plan.prunes(), notApplied);
      Inventory next = keepFailed(plan.nextInventory(), previous, notApplied);
      if (!next.equals(previous)) {
        inventories.write(source, next);
      }
      Map<ObjectRef, Health> health = healthTracker.assess(desired, live);
      rememberRepairs(applied.changes());
      rememberAdoptions(applied.changes());
      return DesignStatuses.of(
          new PassResult(
              rendered,
              suspended,
              repository.findings(),
              plan,
              previous,
              applied.changes(),
              pruned,
              health,
              Map.copyOf(lastRepair),
              applied.waiting(),
              Map.copyOf(adopted)));
    } catch (ClusterException e) {
      return new PassOutcome.ClusterUnavailable(e.getMessage());
    }
  }

  /** What the apply step did, and the designs it left waiting for their dependencies. */
  private record OrderedApply(List<AppliedChange> changes, Map<String, String> waiting) {}

  /**
   * Applies design by dependency layer, each layer in stages: a design whose dependencies are not
   * healthy by the time its layer comes is not applied (nor pruned) in this pass, and says which
   * one it waits for; the next pass (a watch event on the dependency triggers one) tries again.
   */
  private OrderedApply applyInOrder(
      Plan plan,
      RepositorySettings settings,
      DesignOrder order,
      DependencyWait dependencies,
      Map<ObjectRef, Map<String, Object>> live) {
    StagedApply staged =
        new StagedApply(
            new ConflictPolicy(target.cluster(), settings),
            new StageGate(target.cluster(), stageTimeout));
    List<AppliedChange> results = new ArrayList<>();
    Map<String, String> waiting = new java.util.LinkedHashMap<>();
    for (List<String> layer : order.layers()) {
      Set<String> ready = new java.util.HashSet<>();
      Set<String> failed = designsWithErrors(results);
      for (String design : layer) {
        String reason = dependencies.reason(order.of(design), failed, waiting, live);
        if (reason == null) {
          ready.add(design);
        } else {
          waiting.put(design, reason);
        }
      }
      List<Change> changes =
          plan.applies().stream().filter(c -> ready.contains(c.design())).toList();
      if (!changes.isEmpty()) {
        staged.apply(changes, live).forEach(set -> results.addAll(set.changes()));
      }
    }
    return new OrderedApply(results, Map.copyOf(waiting));
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

  /** Prunes, except for designs where an apply failed: half-applied designs keep what they had. */
  private List<AppliedChange> prune(List<Change> changes, Set<String> skip) {
    List<AppliedChange> results = new ArrayList<>();
    for (Change change : changes) {
      if (!skip.contains(change.design())) {
        results.add(StagedApply.attempt(change, () -> target.cluster().delete(change.ref())));
      }
    }
    return results;
  }

  private static Set<String> designsWithErrors(List<AppliedChange> applied) {
    return applied.stream()
        .filter(AppliedChange::failed)
        .map(a -> a.change().design())
        .collect(Collectors.toCollection(java.util.HashSet::new));
  }

  /** Every design of the commit, key to name: what dependsOn entries may name. */
  static Map<String, String> names(RenderedSet designs) {
    Map<String, String> names = new java.util.LinkedHashMap<>();
    designs.designs().forEach(d -> names.put(d.key(), d.name()));
    return names;
  }

  private static DependencyWait dependencyWait(
      RenderedSet rendered,
      Set<String> suspended,
      Set<String> denied,
      List<DesiredObject> desired) {
    Map<String, DesignState> held = new HashMap<>();
    for (RenderedDesign design : rendered.designs()) {
      if (design.failed() || denied.contains(design.key())) {
        held.put(design.key(), DesignState.FAILED);
      } else if (suspended.contains(design.key())) {
        held.put(design.key(), DesignState.SUSPENDED);
      }
    }
    Set<String> targeted =
        rendered.designs().stream().map(RenderedDesign::key).collect(Collectors.toSet());
    return new DependencyWait(
        targeted, held, desired.stream().collect(Collectors.groupingBy(DesiredObject::design)));
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
