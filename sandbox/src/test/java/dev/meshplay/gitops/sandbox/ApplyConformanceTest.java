package dev.meshplay.gitops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Server-side apply over HTTP: PATCH with {@code application/apply-patch+yaml}. */
class ApplyConformanceTest extends OneSandbox {
  @Test
  void applyCreatesObjectWhenAbsent() {
    Api.Reply reply =
        api.send(
            "PATCH",
            configMapPath("created") + "?fieldManager=gitops",
            Api.APPLY,
            configMap("created", "v1"));

    assertThat(reply.code()).isEqualTo(201);
    ConfigMap stored = sandbox.client().configMaps().inNamespace("demo").withName("created").get();
    assertThat(stored.getData()).containsEntry("key", "v1");
    assertThat(stored.getMetadata().getUid()).isNotBlank();
    assertThat(stored.getMetadata().getResourceVersion()).isNotBlank();
    assertThat(stored.getMetadata().getCreationTimestamp()).isNotBlank();
    assertThat(stored.getMetadata().getGeneration()).isEqualTo(1L);
  }

  @Test
  void applyUpdatesObjectWhenPresent() {
    api.send(
        "PATCH",
        configMapPath("updated") + "?fieldManager=gitops",
        Api.APPLY,
        configMap("updated", "v1"));
    String uid =
        sandbox
            .client()
            .configMaps()
            .inNamespace("demo")
            .withName("updated")
            .get()
            .getMetadata()
            .getUid();

    Api.Reply reply =
        api.send(
            "PATCH",
            configMapPath("updated") + "?fieldManager=gitops",
            Api.APPLY,
            configMap("updated", "v2"));

    assertThat(reply.code()).isEqualTo(200);
    ConfigMap stored = sandbox.client().configMaps().inNamespace("demo").withName("updated").get();
    assertThat(stored.getData()).containsEntry("key", "v2");
    assertThat(stored.getMetadata().getUid()).isEqualTo(uid);
    assertThat(stored.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void applyAcceptsYamlAndJsonBodies() {
    String yaml =
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: yaml, namespace: demo}\ndata: {key: from-yaml}\n";

    Api.Reply reply =
        api.send("PATCH", configMapPath("yaml") + "?fieldManager=gitops", Api.APPLY, yaml);

    assertThat(reply.code()).isEqualTo(201);
    assertThat(reply.json()).containsEntry("data", Map.of("key", "from-yaml"));
  }

  @Test
  void applyRequiresAFieldManager() {
    Api.Reply reply =
        api.send("PATCH", configMapPath("nomanager"), Api.APPLY, configMap("nomanager", "v1"));

    assertThat(reply.code()).isEqualTo(400);
    assertThat(reply.json()).containsEntry("kind", "Status").containsEntry("reason", "BadRequest");
    assertThat(sandbox.client().configMaps().inNamespace("demo").withName("nomanager").get())
        .isNull();
  }

  @Test
  void applyThroughFabric8WorksWithAndWithoutForce() {
    ConfigMap desired =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("fabric8")
            .withNamespace("demo")
            .endMetadata()
            .addToData("k", "v")
            .build();

    ConfigMap created = sandbox.client().resource(desired).fieldManager("gitops").serverSideApply();
    ConfigMap again =
        sandbox
            .client()
            .resource(desired)
            .fieldManager("gitops")
            .forceConflicts()
            .serverSideApply();

    assertThat(created.getData()).containsEntry("k", "v");
    assertThat(again.getMetadata().getResourceVersion())
        .isEqualTo(created.getMetadata().getResourceVersion());
  }

  @Test
  void applyCreatesClusterScopedObjects() {
    GenericKubernetesResource namespace =
        api.apply(
            "gitops",
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: team-a, labels: {team: a}}");

    assertThat(namespace.getMetadata().getNamespace()).isNull();
    assertThat(sandbox.client().namespaces().withName("team-a").get().getMetadata().getLabels())
        .containsEntry("team", "a");
  }

  @Test
  void applyRejectsANameThatDiffersFromTheUrl() {
    Api.Reply reply =
        api.send(
            "PATCH",
            configMapPath("one") + "?fieldManager=gitops",
            Api.APPLY,
            configMap("other", "v1"));

    assertThat(reply.code()).isEqualTo(400);
  }

  @Test
  void deleteRemovesAnAppliedObjectAndSaysWhetherThereWasOne() {
    api.apply(
        "gitops", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: doomed, namespace: demo}");
    var doomed =
        sandbox
            .client()
            .genericKubernetesResources("v1", "ConfigMap")
            .inNamespace("demo")
            .withName("doomed");

    assertThat(doomed.delete()).isNotEmpty();
    assertThat(doomed.get()).isNull();
    assertThat(doomed.delete()).isEmpty();
  }

  @Test
  void watchersSeeAppliedObjects() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    Watch watch =
        sandbox
            .client()
            .configMaps()
            .inNamespace("watched")
            .watch(
                new Watcher<ConfigMap>() {
                  @Override
                  public void eventReceived(Action action, ConfigMap resource) {
                    events.add(action + " " + resource.getData().get("key"));
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                });
    try {
      api.apply(
          "gitops",
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: w, namespace: watched}\ndata: {key: a}");
      api.apply(
          "gitops",
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: w, namespace: watched}\ndata: {key: b}");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (events.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      watch.close();
    }
    assertThat(events).containsExactly("ADDED a", "MODIFIED b");
  }

  private static String configMapPath(String name) {
    return "/api/v1/namespaces/demo/configmaps/" + name;
  }

  private static String configMap(String name, String value) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
        + name
        + "\",\"namespace\":\"demo\"},\"data\":{\"key\":\""
        + value
        + "\"}}";
  }
}
