package dev.meshplay.gitops.reconciler.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.cluster.Cluster;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.reconciler.plan.Change;
import dev.meshplay.gitops.reconciler.settings.RepositorySettings;
import dev.meshplay.gitops.render.ObjectRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StagedApplyTest {

  /** Stores what is applied, in order; CRDs become established only when told to. */
  private static final class RecordingCluster implements Cluster {
    final List<String> applied = new ArrayList<>();
    final Map<ObjectRef, Map<String, Object>> objects = new HashMap<>();
    boolean establishCrds = true;

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public Optional<Map<String, Object>> get(ObjectRef ref) {
      return Optional.ofNullable(objects.get(ref));
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> object, boolean force) {
      Map<String, Object> stored = new LinkedHashMap<>(object);
      String kind = (String) object.get("kind");
      if (kind.equals("Namespace")) {
        stored.put("status", Map.of("phase", "Active"));
      } else if (kind.equals("CustomResourceDefinition") && establishCrds) {
        stored.put(
            "status",
            Map.of("conditions", List.of(Map.of("type", "Established", "status", "True"))));
      }
      ObjectRef ref = refOf(object);
      objects.put(ref, stored);
      applied.add(ref.toString());
      return stored;
    }

    @Override
    public List<ObjectRef> list(String apiVersion, String kind, String namespace) {
      return List.of();
    }

    @Override
    public boolean delete(ObjectRef ref) {
      return objects.remove(ref) != null;
    }
  }

  private static ObjectRef refOf(Map<String, Object> object) {
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) object.get("metadata");
    return new ObjectRef(
        (String) object.get("apiVersion"),
        (String) object.get("kind"),
        (String) metadata.get("namespace"),
        (String) metadata.get("name"));
  }

  private static Change create(String apiVersion, String kind, String namespace, String name) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", name);
    if (namespace != null) {
      metadata.put("namespace", namespace);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("apiVersion", apiVersion);
    body.put("kind", kind);
    body.put("metadata", metadata);
    if (kind.equals("CustomResourceDefinition")) {
      body.put(
          "spec",
          Map.of(
              "group", "example.com",
              "names", Map.of("kind", "Foo", "plural", "foos"),
              "versions", List.of(Map.of("name", "v1", "served", true))));
    }
    return new Change(
        "designs/app.yaml",
        new ObjectRef(apiVersion, kind, namespace, name),
        Action.CREATE,
        List.of(),
        body,
        null,
        null);
  }

  private static final List<Change> PLAN =
      List.of(
          create("example.com/v1", "Foo", "apps", "a-foo"),
          create("apps/v1", "Deployment", "apps", "web"),
          create("rbac.authorization.k8s.io/v1", "ClusterRole", null, "reader"),
          create("v1", "Namespace", null, "apps"),
          create("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, "foos.example.com"));

  private static StagedApply staged(RecordingCluster cluster, Duration timeout) {
    return new StagedApply(
        new ConflictPolicy(cluster, RepositorySettings.none()), new StageGate(cluster, timeout));
  }

  @Test
  void appliesCrdsThenNamespacesThenClusterScopedThenTheRestKeepingPlanOrderWithin() {
    RecordingCluster cluster = new RecordingCluster();

    List<ChangeSet> sets = staged(cluster, Duration.ofSeconds(5)).apply(PLAN, new HashMap<>());

    assertThat(cluster.applied)
        .containsExactly(
            "CustomResourceDefinition/foos.example.com",
            "Namespace/apps",
            "ClusterRole/reader",
            "Foo/apps/a-foo",
            "Deployment/apps/web");
    assertThat(sets)
        .extracting(ChangeSet::stage)
        .containsExactly(
            ApplyStage.CRDS,
            ApplyStage.NAMESPACES,
            ApplyStage.CLUSTER_SCOPED,
            ApplyStage.NAMESPACED);
    assertThat(sets).allSatisfy(set -> assertThat(set.notReady()).isNull());
  }

  @Test
  void aCrdThatIsNeverEstablishedStopsTheLaterStagesWithANamedReason() {
    RecordingCluster cluster = new RecordingCluster();
    cluster.establishCrds = false;

    List<ChangeSet> sets = staged(cluster, Duration.ofMillis(300)).apply(PLAN, new HashMap<>());

    String reason = "CustomResourceDefinition/foos.example.com not established after 300ms";
    assertThat(cluster.applied).containsExactly("CustomResourceDefinition/foos.example.com");
    assertThat(sets.getFirst().notReady()).isEqualTo(reason);
    assertThat(sets.getFirst().changes().getFirst().error()).isEqualTo(reason);
    assertThat(sets.subList(1, sets.size()))
        .flatMap(ChangeSet::changes)
        .extracting(AppliedChange::error)
        .containsOnly("not applied: " + reason);
  }

  @Test
  void aCrdEstablishedWhileWaitingLetsThePassContinue() {
    RecordingCluster cluster = new RecordingCluster();
    cluster.establishCrds = false;
    Cluster establishesOnRead =
        new Cluster() {
          public String name() {
            return cluster.name();
          }

          public Optional<Map<String, Object>> get(ObjectRef ref) {
            cluster.objects.computeIfPresent(
                ref,
                (r, o) -> {
                  Map<String, Object> done = new LinkedHashMap<>(o);
                  done.put(
                      "status",
                      Map.of(
                          "conditions", List.of(Map.of("type", "Established", "status", "True"))));
                  return done;
                });
            return cluster.get(ref);
          }

          public Map<String, Object> apply(Map<String, Object> object, boolean force) {
            return cluster.apply(object, force);
          }

          public List<ObjectRef> list(String apiVersion, String kind, String namespace) {
            return List.of();
          }

          public boolean delete(ObjectRef ref) {
            return cluster.delete(ref);
          }
        };

    List<ChangeSet> sets =
        new StagedApply(
                new ConflictPolicy(establishesOnRead, RepositorySettings.none()),
                new StageGate(establishesOnRead, Duration.ofSeconds(30)))
            .apply(PLAN, new HashMap<>());

    assertThat(cluster.applied).hasSize(5);
    assertThat(sets).flatMap(ChangeSet::changes).noneMatch(AppliedChange::failed);
  }
}
