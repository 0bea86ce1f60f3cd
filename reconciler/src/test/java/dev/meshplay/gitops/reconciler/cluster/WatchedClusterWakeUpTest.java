package dev.meshplay.gitops.reconciler.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.reconciler.inventory.Ownership;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change behind the daemon's back wakes the source named by the object's label, not every source:
 * with a hundred sources, one hand edit must cost one pass.
 */
class WatchedClusterWakeUpTest {
  private SandboxCluster sandbox;
  private KubernetesClient kube;
  private WatchedCluster watched;
  private final List<String> woken = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    sandbox = SandboxCluster.start();
    kube = sandbox.client();
    watched =
        new WatchedCluster(
            "sandbox",
            kube,
            new ChangeListener() {
              @Override
              public void sourceChanged(String source) {
                woken.add(source);
              }

              @Override
              public void everythingChanged() {
                woken.add("*");
              }
            });
  }

  @AfterEach
  void stop() throws Exception {
    watched.close();
    sandbox.close();
  }

  @Test
  void anEditWakesTheSourceOnTheObjectsLabel() {
    create("a-settings", Map.of(Ownership.SOURCE, "team-a"));
    create("b-settings", Map.of(Ownership.SOURCE, "team-b"));
    awaitCached("a-settings");

    edit("a-settings");

    await().atMost(Duration.ofSeconds(10)).until(() -> woken.contains("team-a"));
    assertThat(woken).containsOnly("team-a");
  }

  @Test
  void aDeleteWakesItsSourceAndAnUnlabelledObjectWakesEveryone() {
    create("a-settings", Map.of(Ownership.SOURCE, "team-a"));
    create("orphan", Map.of());
    awaitCached("orphan");

    kube.configMaps().inNamespace("default").withName("a-settings").delete();
    edit("orphan");

    await().atMost(Duration.ofSeconds(10)).until(() -> woken.containsAll(List.of("team-a", "*")));
    assertThat(woken).doesNotContain("team-b");
  }

  private void create(String name, Map<String, String> labels) {
    Map<String, String> all = new java.util.HashMap<>(labels);
    all.put(Ownership.MANAGED_BY, Ownership.MANAGER);
    kube.configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("default")
                .withLabels(all)
                .endMetadata()
                .withData(Map.of("k", "v"))
                .build())
        .create();
  }

  private void edit(String name) {
    kube.configMaps()
        .inNamespace("default")
        .withName(name)
        .edit(
            cm -> {
              cm.getData().put("k", "edited by hand");
              return cm;
            });
  }

  /** Reading through the cache starts the kind's watch; wait until it serves from it. */
  private void awaitCached(String name) {
    ObjectRef ref = new ObjectRef("v1", "ConfigMap", "default", name);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              long before = gets();
              boolean present = watched.get(ref).isPresent();
              return present && gets() == before;
            });
  }

  private long gets() {
    return sandbox.requestCounts().getOrDefault("GET", 0L);
  }
}
