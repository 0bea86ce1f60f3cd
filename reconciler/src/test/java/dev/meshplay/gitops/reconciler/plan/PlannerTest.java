package dev.meshplay.gitops.reconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.inventory.Inventory;
import dev.meshplay.gitops.reconciler.inventory.Ownership;
import dev.meshplay.gitops.reconciler.settings.SettingsReader;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;
import dev.meshplay.gitops.render.RenderedObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static final ObjectRef NS = new ObjectRef("v1", "Namespace", null, "app");
  private static final ObjectRef CM = new ObjectRef("v1", "ConfigMap", "app", "settings");
  private static final ObjectRef OLD = new ObjectRef("v1", "ConfigMap", "app", "old");

  @Test
  void objectsMissingFromTheClusterAreCreatedNamespacesFirst() {
    Plan plan = plan(List.of(desired("a.yaml", CM), desired("a.yaml", NS)), Map.of());

    assertThat(plan.changes()).extracting(Change::ref).containsExactly(NS, CM);
    assertThat(plan.changes()).extracting(Change::action).containsOnly(Action.CREATE);
    assertThat(plan.nextInventory().of("a.yaml")).containsExactlyInAnyOrder(NS, CM);
  }

  @Test
  void anObjectAsGitSaysIsUnchanged() {
    DesiredObject cm = desired("a.yaml", CM);

    Plan plan = plan(List.of(cm), Map.of(CM, live(cm.body())));

    assertThat(plan.changes()).extracting(Change::action).containsExactly(Action.UNCHANGED);
    assertThat(plan.hasChanges()).isFalse();
  }

  @Test
  void aDriftedObjectIsUpdatedWithTheDriftedPaths() {
    DesiredObject cm = desired("a.yaml", CM);
    Map<String, Object> drifted = live(cm.body());
    drifted.put("data", Map.of("greeting", "changed by hand"));

    Plan plan = plan(List.of(cm), Map.of(CM, drifted));

    assertThat(plan.changes().get(0).action()).isEqualTo(Action.UPDATE);
    assertThat(plan.changes().get(0).drift()).containsExactly(".data.greeting");
  }

  @Test
  void aFieldRemovedFromGitIsAnUpdateThroughTheConfigHash() {
    DesiredObject before = desired("a.yaml", CM, Map.of("greeting", "hi", "extra", "x"));
    DesiredObject after = desired("a.yaml", CM, Map.of("greeting", "hi"));

    Plan plan = plan(List.of(after), Map.of(CM, live(before.body())));

    assertThat(plan.changes().get(0).action()).isEqualTo(Action.UPDATE);
    assertThat(plan.changes().get(0).drift()).isEmpty();
  }

  @Test
  void anInventoriedObjectNoLongerInGitIsPrunedAfterTheApplies() {
    DesiredObject cm = desired("a.yaml", CM);
    Inventory previous = Inventory.empty().with("a.yaml", Set.of(CM, OLD));

    Plan plan =
        Planner.plan(
            "demo",
            List.of(cm),
            Map.of(CM, live(cm.body()), OLD, live(desired("a.yaml", OLD).body())),
            previous,
            Set.of("a.yaml"),
            Set.of());

    assertThat(plan.prunes()).extracting(Change::ref).containsExactly(OLD);
    assertThat(plan.changes().get(plan.changes().size() - 1).action()).isEqualTo(Action.PRUNE);
    assertThat(plan.nextInventory().of("a.yaml")).containsExactly(CM);
  }

  @Test
  void anObjectWithoutOurLabelsIsNeverPruned() {
    Map<String, Object> foreign = new LinkedHashMap<>(Map.of("metadata", Map.of("name", "old")));
    Inventory previous = Inventory.empty().with("a.yaml", Set.of(OLD));

    Plan plan =
        Planner.plan("demo", List.of(), Map.of(OLD, foreign), previous, Set.of("a.yaml"), Set.of());

    assertThat(plan.prunes()).isEmpty();
    assertThat(plan.changes()).extracting(Change::action).containsExactly(Action.KEEP_NOT_OWNED);
  }

  @Test
  void anObjectOwnedByAnotherSourceIsNeverPruned() {
    RenderedObject other = rendered(OLD, Map.of());
    Map<String, Object> body = live(Ownership.stamp(other, "other-source", "x.yaml"));
    Inventory previous = Inventory.empty().with("a.yaml", Set.of(OLD));

    Plan plan =
        Planner.plan("demo", List.of(), Map.of(OLD, body), previous, Set.of("a.yaml"), Set.of());

    assertThat(plan.prunes()).isEmpty();
  }

  @Test
  void aDesignThatFailedToRenderKeepsItsObjectsAndInventory() {
    Inventory previous = Inventory.empty().with("a.yaml", Set.of(CM));

    Plan plan =
        Planner.plan(
            "demo",
            List.of(),
            Map.of(CM, live(desired("a.yaml", CM).body())),
            previous,
            Set.of(),
            Set.of("a.yaml"));

    assertThat(plan.changes()).isEmpty();
    assertThat(plan.nextInventory().of("a.yaml")).containsExactly(CM);
  }

  @Test
  void aVanishedDesignIsPrunedOnlyWhenNothingElseFailed() {
    Inventory previous =
        Inventory.empty().with("gone.yaml", Set.of(OLD)).with("a.yaml", Set.of(NS, CM));
    DesiredObject ns = desired("a.yaml", NS);
    DesiredObject cm = desired("a.yaml", CM);
    Map<ObjectRef, Map<String, Object>> live =
        Map.of(
            OLD, live(desired("gone.yaml", OLD).body()),
            NS, live(ns.body()),
            CM, live(cm.body()));

    Plan clean = Planner.plan("demo", List.of(ns, cm), live, previous, Set.of("a.yaml"), Set.of());
    Plan withFailure =
        Planner.plan(
            "demo", List.of(ns, cm), live, previous, Set.of("a.yaml"), Set.of("broken.yaml"));

    assertThat(clean.prunes()).extracting(Change::ref).containsExactly(OLD);
    assertThat(clean.nextInventory().designs()).doesNotContainKey("gone.yaml");
    assertThat(withFailure.prunes()).isEmpty();
    assertThat(withFailure.nextInventory().of("gone.yaml")).containsExactly(OLD);
  }

  @Test
  void removingMostOfTheRepositoryAtOnceIsRefused() {
    Inventory previous =
        Inventory.empty().with("gone.yaml", Set.of(OLD)).with("a.yaml", Set.of(CM));
    Map<ObjectRef, Map<String, Object>> live =
        Map.of(OLD, live(desired("gone.yaml", OLD).body()), CM, live(desired("a.yaml", CM).body()));

    Plan plan = Planner.plan("demo", List.of(), live, previous, Set.of(), Set.of());

    assertThat(plan.prunes()).isEmpty();
    assertThat(plan.refusals()).isNotEmpty();
  }

  @Test
  void anObjectMovedToAnotherDesignIsNotPruned() {
    Inventory previous = Inventory.empty().with("a.yaml", Set.of(CM));
    DesiredObject moved = desired("b.yaml", CM);

    Plan plan =
        Planner.plan(
            "demo",
            List.of(moved),
            Map.of(CM, live(desired("a.yaml", CM).body())),
            previous,
            Set.of("b.yaml"),
            Set.of());

    assertThat(plan.prunes()).isEmpty();
    assertThat(plan.changes()).extracting(Change::action).containsExactly(Action.UPDATE);
  }

  private static Plan plan(List<DesiredObject> desired, Map<ObjectRef, Map<String, Object>> live) {
    Set<String> designs = new java.util.HashSet<>();
    desired.forEach(d -> designs.add(d.design()));
    return Planner.plan("demo", desired, live, Inventory.empty(), designs, Set.of());
  }

  private static DesiredObject desired(String design, ObjectRef ref) {
    return desired(design, ref, Map.of("greeting", "hello"));
  }

  private static DesiredObject desired(String design, ObjectRef ref, Map<String, String> data) {
    RenderedObject object = rendered(ref, data);
    return new DesiredObject(
        design, ref, Ownership.stamp(object, "demo", design), object.provenance());
  }

  private static RenderedObject rendered(ObjectRef ref, Map<String, String> data) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", ref.name());
    if (ref.namespace() != null) {
      metadata.put("namespace", ref.namespace());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("apiVersion", ref.apiVersion());
    body.put("kind", ref.kind());
    body.put("metadata", metadata);
    if (!ref.kind().equals("Namespace")) {
      body.put("data", new LinkedHashMap<>(data));
    }
    return new RenderedObject(ref, body, new Provenance("a.yaml", 1));
  }

  /** What the server returns: the applied body plus fields it adds. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> live(Map<String, Object> body) {
    Map<String, Object> copy = new HashMap<>(body);
    Map<String, Object> metadata = new HashMap<>((Map<String, Object>) body.get("metadata"));
    metadata.put("uid", "1234");
    metadata.put("resourceVersion", "7");
    copy.put("metadata", metadata);
    return copy;
  }

  @Test
  void pruningMostOfADesignIsRefusedAndKeptInTheInventory() {
    ObjectRef a = new ObjectRef("v1", "ConfigMap", "app", "a");
    ObjectRef b = new ObjectRef("v1", "ConfigMap", "app", "b");
    ObjectRef c = new ObjectRef("v1", "ConfigMap", "app", "c");
    Inventory previous = Inventory.empty().with("a.yaml", Set.of(a, b, c));
    DesiredObject kept = desired("a.yaml", a);
    Map<ObjectRef, Map<String, Object>> live =
        Map.of(
            a, live(kept.body()),
            b, live(desired("a.yaml", b).body()),
            c, live(desired("a.yaml", c).body()));

    Plan plan = Planner.plan("demo", List.of(kept), live, previous, Set.of("a.yaml"), Set.of());

    assertThat(plan.prunes()).isEmpty();
    assertThat(plan.refusals()).containsKey("a.yaml");
    assertThat(plan.refusals().get("a.yaml")).contains("would delete 2 of 3 objects (67% > 50%)");
    assertThat(plan.nextInventory().of("a.yaml")).containsExactlyInAnyOrder(a, b, c);
  }

  @Test
  void allowMassPruneLetsTheDesignShrink() {
    ObjectRef a = new ObjectRef("v1", "ConfigMap", "app", "a");
    ObjectRef b = new ObjectRef("v1", "ConfigMap", "app", "b");
    Inventory previous = Inventory.empty().with("a.yaml", Set.of(a, b));
    var settings = SettingsReader.read("spec:\n  designs:\n    a.yaml: {allowMassPrune: true}\n");

    Plan plan =
        Planner.plan(
            new PlanInput(
                "demo",
                List.of(),
                Map.of(a, live(desired("a.yaml", a).body()), b, live(desired("a.yaml", b).body())),
                previous,
                Set.of("a.yaml"),
                Set.of(),
                settings,
                Set.of()));

    assertThat(plan.prunes()).extracting(Change::ref).containsExactlyInAnyOrder(a, b);
  }

  @Test
  void anObjectAnnotatedNotToBePrunedIsKept() {
    Map<String, Object> optedOut = live(desired("a.yaml", OLD).body());
    annotations(optedOut).put("meshplay.dev/prune", "disabled");
    Inventory previous = Inventory.empty().with("a.yaml", Set.of(CM, OLD));
    DesiredObject cm = desired("a.yaml", CM);

    Plan plan =
        Planner.plan(
            "demo",
            List.of(cm),
            Map.of(CM, live(cm.body()), OLD, optedOut),
            previous,
            Set.of("a.yaml"),
            Set.of());

    assertThat(plan.prunes()).isEmpty();
    assertThat(plan.changes())
        .anySatisfy(
            c -> {
              assertThat(c.action()).isEqualTo(Action.KEEP);
              assertThat(c.note()).contains("meshplay.dev/prune: disabled");
            });
  }

  @Test
  void anObjectWhoseDesignAnnotationNamesAnotherDesignIsNotPruned() {
    Inventory previous = Inventory.empty().with("a.yaml", Set.of(CM, OLD));
    DesiredObject cm = desired("a.yaml", CM);
    Map<String, Object> claimed = live(desired("other.yaml", OLD).body());

    Plan plan =
        Planner.plan(
            "demo",
            List.of(cm),
            Map.of(CM, live(cm.body()), OLD, claimed),
            previous,
            Set.of("a.yaml"),
            Set.of());

    assertThat(plan.prunes()).isEmpty();
  }

  @Test
  void aNamespaceStillHoldingForeignObjectsIsNotPruned() {
    Inventory previous = Inventory.empty().with("a.yaml", Set.of(NS, CM));
    DesiredObject cm = desired("a.yaml", CM);
    Map<ObjectRef, Map<String, Object>> live =
        Map.of(NS, live(desired("a.yaml", NS).body()), CM, live(cm.body()));

    Plan plan =
        Planner.plan(
            new PlanInput(
                "demo",
                List.of(cm),
                live,
                previous,
                Set.of("a.yaml"),
                Set.of(),
                dev.meshplay.gitops.reconciler.settings.RepositorySettings.none(),
                Set.of("app")));

    assertThat(plan.prunes()).isEmpty();
    assertThat(plan.changes())
        .anySatisfy(c -> assertThat(c.note()).contains("outside the inventory"));
  }

  @Test
  void withSelfHealOffDriftIsReportedNotRepaired() {
    DesiredObject cm = desired("a.yaml", CM);
    Map<String, Object> drifted = live(cm.body());
    drifted.put("data", Map.of("greeting", "by hand"));
    var settings = SettingsReader.read("spec:\n  selfHeal: false\n");

    Plan plan =
        Planner.plan(
            new PlanInput(
                "demo",
                List.of(cm),
                Map.of(CM, drifted),
                Inventory.empty(),
                Set.of("a.yaml"),
                Set.of(),
                settings,
                Set.of()));

    assertThat(plan.changes().get(0).action()).isEqualTo(Action.DRIFTED);
    assertThat(plan.applies()).isEmpty();
  }

  @Test
  void ignoredDifferencesAreNotDrift() {
    DesiredObject cm = desired("a.yaml", CM);
    Map<String, Object> drifted = live(cm.body());
    drifted.put("data", Map.of("greeting", "by hand"));
    var settings =
        SettingsReader.read(
            "spec:\n  ignoreDifferences: [{kind: ConfigMap, paths: [.data.greeting]}]\n");

    Plan plan =
        Planner.plan(
            new PlanInput(
                "demo",
                List.of(cm),
                Map.of(CM, drifted),
                Inventory.empty(),
                Set.of("a.yaml"),
                Set.of(),
                settings,
                Set.of()));

    assertThat(plan.changes().get(0).action()).isEqualTo(Action.UNCHANGED);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> annotations(Map<String, Object> object) {
    Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
    Map<String, Object> copy = new HashMap<>((Map<String, Object>) metadata.get("annotations"));
    metadata.put("annotations", copy);
    return copy;
  }
}
