package dev.meshplay.gitops.reconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.inventory.Inventory;
import dev.meshplay.gitops.reconciler.inventory.Ownership;
import dev.meshplay.gitops.reconciler.settings.RepositorySettings;
import dev.meshplay.gitops.reconciler.settings.SettingsReader;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;
import dev.meshplay.gitops.render.RenderedObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Objects that exist before Git declares them: taken over in place, or left to their owner. */
class AdoptionPlanTest {
  private static final ObjectRef CM = new ObjectRef("v1", "ConfigMap", "shop", "settings");

  @Test
  void anUnownedObjectAsGitSaysIsAdoptedWithoutFieldChanges() {
    DesiredObject cm = desired(Map.of());

    Plan plan = plan(cm, live(Map.of(), Map.of()), RepositorySettings.none());

    Change change = plan.changes().getFirst();
    assertThat(change.action()).isEqualTo(Action.ADOPT);
    assertThat(change.drift()).isEmpty();
    assertThat(change.note()).contains("adopted in place");
    assertThat(plan.applies()).containsExactly(change);
    assertThat(plan.hasChanges()).isTrue();
    assertThat(plan.nextInventory().of("designs/shop.yaml")).containsExactly(CM);
  }

  @Test
  void anAdoptionListsTheFieldsGitRewritesButNotOurMarks() {
    DesiredObject cm = desired(Map.of());
    Map<String, Object> live = live(Map.of(), Map.of());
    live.put("data", Map.of("greeting", "by hand"));

    Change change = plan(cm, live, RepositorySettings.none()).changes().getFirst();

    assertThat(change.action()).isEqualTo(Action.ADOPT);
    assertThat(change.drift()).containsExactly(".data.greeting");
  }

  @Test
  void aHelmReleaseObjectIsHeldWithTheReleaseNamed() {
    Map<String, Object> live =
        live(
            Map.of("app.kubernetes.io/managed-by", "Helm"),
            Map.of("meta.helm.sh/release-name", "web", "meta.helm.sh/release-namespace", "shop"));

    Plan plan = plan(desired(Map.of()), live, RepositorySettings.none());

    Change change = plan.changes().getFirst();
    assertThat(change.action()).isEqualTo(Action.HELD_FOREIGN);
    assertThat(change.note())
        .startsWith("owned by Helm release shop/web (meta.helm.sh/release-name)")
        .contains("adopt: foreign for design designs/shop.yaml");
    assertThat(plan.applies()).isEmpty();
    assertThat(plan.hasChanges()).isFalse();
    assertThat(plan.nextInventory().of("designs/shop.yaml")).isEmpty();
  }

  @Test
  void fluxAndArgoObjectsAreHeldToo() {
    Map<String, Object> flux =
        live(
            Map.of(
                "kustomize.toolkit.fluxcd.io/name", "apps",
                "kustomize.toolkit.fluxcd.io/namespace", "flux-system"),
            Map.of());
    Map<String, Object> argo =
        live(Map.of(), Map.of("argocd.argoproj.io/tracking-id", "shop:/ConfigMap:shop/settings"));

    assertThat(plan(desired(Map.of()), flux, RepositorySettings.none()).changes().getFirst().note())
        .startsWith("owned by Flux Kustomization flux-system/apps");
    assertThat(plan(desired(Map.of()), argo, RepositorySettings.none()).changes().getFirst().note())
        .startsWith("owned by Argo CD application shop:/ConfigMap:shop/settings");
  }

  @Test
  void adoptForeignTakesOverAnotherToolsObject() {
    Map<String, Object> live =
        live(
            Map.of("helm.toolkit.fluxcd.io/name", "web"), Map.of("meta.helm.sh/release-name", "w"));
    var settings =
        SettingsReader.read("spec:\n  designs:\n    designs/shop.yaml: {adopt: foreign}\n");

    Change change = plan(desired(Map.of()), live, settings).changes().getFirst();

    assertThat(change.action()).isEqualTo(Action.ADOPT);
    assertThat(change.note()).contains("adopted from Flux").contains("adopt: foreign");
  }

  @Test
  void anObjectAlreadyOursIsNotAnAdoption() {
    DesiredObject cm = desired(Map.of());
    Map<String, Object> live = new LinkedHashMap<>(cm.body());

    Change change = plan(cm, live, RepositorySettings.none()).changes().getFirst();

    assertThat(change.action()).isEqualTo(Action.UNCHANGED);
  }

  private static Plan plan(
      DesiredObject desired, Map<String, Object> live, RepositorySettings settings) {
    return Planner.plan(
        new PlanInput(
            "shop",
            List.of(desired),
            Map.of(CM, live),
            Inventory.empty(),
            Set.of(desired.design()),
            Set.of(),
            settings,
            Set.of()));
  }

  private static DesiredObject desired(Map<String, String> labels) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", CM.name());
    metadata.put("namespace", CM.namespace());
    metadata.put("labels", new LinkedHashMap<>(labels));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("apiVersion", "v1");
    body.put("kind", "ConfigMap");
    body.put("metadata", metadata);
    body.put("data", Map.of("greeting", "hello"));
    RenderedObject object =
        new RenderedObject(CM, body, new Provenance("designs/shop.yaml", 3, null, null));
    return new DesiredObject(
        "designs/shop.yaml",
        CM,
        Ownership.stamp(object, "shop", "designs/shop.yaml"),
        object.provenance());
  }

  /** The object as a user created it: no marks of ours, server fields added. */
  private static Map<String, Object> live(Map<String, String> labels, Map<String, String> notes) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", CM.name());
    metadata.put("namespace", CM.namespace());
    metadata.put("uid", "0b6e-1");
    metadata.put("resourceVersion", "12");
    if (!labels.isEmpty()) {
      metadata.put("labels", labels);
    }
    if (!notes.isEmpty()) {
      metadata.put("annotations", notes);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("apiVersion", "v1");
    body.put("kind", "ConfigMap");
    body.put("metadata", metadata);
    body.put("data", Map.of("greeting", "hello"));
    return body;
  }
}
