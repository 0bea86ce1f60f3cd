package dev.meshplay.gitops.reconciler.prplan;

import dev.meshplay.gitops.policies.Findings;
import dev.meshplay.gitops.reconciler.cluster.ClusterException;
import dev.meshplay.gitops.reconciler.inventory.Inventory;
import dev.meshplay.gitops.reconciler.inventory.InventoryStore;
import dev.meshplay.gitops.reconciler.inventory.Ownership;
import dev.meshplay.gitops.reconciler.loop.NamespaceUsage;
import dev.meshplay.gitops.reconciler.loop.RenderedRepository;
import dev.meshplay.gitops.reconciler.loop.Target;
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
 * Plans a rendered repository against every target cluster, read-only: the same pairing and prune
 * rules as the loop's pass ({@link Planner}), but the clusters are only read, so a pull request can
 * be planned as often as it moves.
 */
public final class RepositoryPlanner {
  private final String source;
  private final List<Target> targets;
  private final boolean sandbox;
  private final Clock clock;
  private final String inventoryNamespace;

  /**
   * @param source the source name the daemon applies under: ownership and the inventory are per
   *     source, so planning under another name would see nothing as ours
   * @param sandbox whether the targets are an empty stand-in, which the reports say
   */
  public RepositoryPlanner(String source, List<Target> targets, boolean sandbox, Clock clock) {
    this(source, targets, sandbox, clock, InventoryStore.NAMESPACE);
  }

  /**
   * @param inventoryNamespace where the daemon keeps its inventories in the targets (its {@code
   *     inventoryNamespace} setting), so that prunes are planned from the same records
   */
  public RepositoryPlanner(
      String source,
      List<Target> targets,
      boolean sandbox,
      Clock clock,
      String inventoryNamespace) {
    this.source = source;
    this.targets = List.copyOf(targets);
    this.sandbox = sandbox;
    this.clock = clock;
    this.inventoryNamespace = inventoryNamespace;
  }

  /** The plan of {@code head}; with a {@code base}, also how the designs differ from it. */
  public PullRequestPlan plan(Revision revision, RenderedRepository head, RenderedSet base) {
    List<DesignDelta> deltas =
        base == null ? List.of() : DesignDeltas.between(base, head.designs());
    List<DesignPlan> designs = new ArrayList<>();
    String clusterError = null;
    if (head.settingsError() == null) {
      for (Target target : targets) {
        try {
          designs.addAll(planTarget(head, target));
        } catch (ClusterException e) {
          clusterError = e.getMessage();
        }
      }
    }
    return new PullRequestPlan(
        source,
        revision.id(),
        revision.ref(),
        revision.head(),
        revision.base(),
        clock.instant(),
        sandbox,
        head.settingsError(),
        clusterError,
        designs,
        deltas,
        head.findings());
  }

  private List<DesignPlan> planTarget(RenderedRepository repository, Target target) {
    RepositorySettings settings = repository.settings();
    Findings findings = repository.findings();
    List<RenderedDesign> targeted =
        repository.designs().designs().stream()
            .filter(d -> settings.forDesign(d.key()).targets(target.name(), target.labels()))
            .toList();
    Map<String, String> held = new HashMap<>();
    Set<String> ok = new LinkedHashSet<>();
    for (RenderedDesign design : targeted) {
      String reason = HeldReasons.of(design, settings, findings);
      if (reason == null) {
        ok.add(design.key());
      } else {
        held.put(design.key(), reason);
      }
    }
    List<DesiredObject> desired = desired(targeted, ok);
    Inventory previous = new InventoryStore(target.cluster(), inventoryNamespace).read(source);
    Map<ObjectRef, Map<String, Object>> live = live(target, desired, previous);
    Set<ObjectRef> desiredRefs =
        desired.stream().map(DesiredObject::ref).collect(Collectors.toSet());
    Set<String> inUse =
        NamespaceUsage.inUse(target.cluster(), previous, desiredRefs, live.keySet());
    Plan plan =
        Planner.plan(
            new PlanInput(source, desired, live, previous, ok, held.keySet(), settings, inUse));
    List<DesignPlan> plans = new ArrayList<>();
    for (RenderedDesign design : targeted) {
      List<ObjectChange> changes =
          plan.changes().stream()
              .filter(c -> c.design().equals(design.key()))
              .map(c -> objectChange(c, live.get(c.ref())))
              .toList();
      plans.add(
          new DesignPlan(
              design.key(),
              target.name(),
              changes,
              design.diagnostics().stream().filter(d -> d.isError()).toList(),
              findings.forDesign(design.key()),
              held.get(design.key())));
    }
    return plans;
  }

  private List<DesiredObject> desired(List<RenderedDesign> designs, Set<String> ok) {
    List<DesiredObject> desired = new ArrayList<>();
    for (RenderedDesign design : designs) {
      if (ok.contains(design.key())) {
        for (RenderedObject object : design.objects()) {
          desired.add(
              new DesiredObject(
                  design.key(),
                  object.ref(),
                  Ownership.stamp(object, source, design.key()),
                  object.provenance()));
        }
      }
    }
    return desired;
  }

  private static Map<ObjectRef, Map<String, Object>> live(
      Target target, List<DesiredObject> desired, Inventory previous) {
    Set<ObjectRef> refs = new LinkedHashSet<>(previous.all());
    desired.forEach(d -> refs.add(d.ref()));
    Map<ObjectRef, Map<String, Object>> live = new HashMap<>();
    for (ObjectRef ref : refs) {
      target.cluster().get(ref).ifPresent(object -> live.put(ref, object));
    }
    return live;
  }

  private static ObjectChange objectChange(Change change, Map<String, Object> live) {
    List<FieldDiff> diffs =
        change.body() == null || live == null
            ? List.of()
            : FieldDiffs.at(change.body(), live, change.drift());
    return new ObjectChange(
        change.ref(), change.action(), change.provenance(), diffs, change.note());
  }
}
