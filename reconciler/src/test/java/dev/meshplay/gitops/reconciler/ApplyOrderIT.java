package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order a pass applies in: a custom resource and its CRD in one commit (the CRD is applied and
 * established first), and a design that depends on another waiting until that one is healthy. The
 * sandbox runs without simulated controllers here, so the test decides when a rollout finishes.
 */
class ApplyOrderIT {
  private static final String DATABASE =
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: db, namespace: shop}
      spec:
        replicas: 1
        selector: {matchLabels: {app: db}}
        template:
          metadata: {labels: {app: db}}
          spec: {containers: [{name: db, image: postgres:16}]}
      """;

  private static final String APP =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: app, namespace: shop}
      data: {database: db.shop}
      """;

  private static final String WIDGETS =
      """
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: first, namespace: shop}
      spec: {size: 3}
      ---
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        scope: Namespaced
        names: {plural: widgets, singular: widget, kind: Widget}
        versions:
          - name: v1
            served: true
            storage: true
            schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
      """;

  @TempDir Path tmp;
  private DesignRepository repo;
  private SandboxCluster sandbox;
  private Daemon daemon;
  private StatusClient page;

  @BeforeEach
  void start() throws Exception {
    repo = DesignRepository.init(tmp.resolve("repo"));
    sandbox = SandboxCluster.start();
  }

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close();
    }
    sandbox.close();
    repo.close();
  }

  private void startDaemon() {
    daemon =
        TestDaemons.start(
            tmp.resolve("state"), repo.dir(), "shop", Duration.ofMillis(200), sandbox.client());
    page = new StatusClient(daemon.port());
  }

  private String state(String design) {
    var node = page.design(design);
    return node == null ? null : node.path("status").asString();
  }

  private String message(String design) {
    var node = page.design(design);
    return node == null ? null : node.path("message").asString();
  }

  @Test
  void aCustomResourceAndItsDefinitionInOneCommitSync() throws Exception {
    String commit =
        repo.write(
                "manifests/shop/namespace.yaml",
                "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n")
            .write("manifests/shop/widgets.yaml", WIDGETS)
            .commit("a widget and its CRD");

    startDaemon();

    await().atMost(Duration.ofSeconds(30)).until(() -> commit.equals(page.appliedCommit()));
    GenericKubernetesResource widget =
        sandbox
            .client()
            .genericKubernetesResources("example.com/v1", "Widget")
            .inNamespace("shop")
            .withName("first")
            .get();
    assertThat(widget).isNotNull();
    assertThat(state("shop")).isEqualTo("Synced");
  }

  @Test
  void aDesignWaitsUntilTheDesignItDependsOnIsHealthy() throws Exception {
    repo.write("manifests/db/db.yaml", DATABASE)
        .write("manifests/app/app.yaml", APP)
        .write(
            "meshplay.yaml",
            """
            spec:
              designs:
                manifests/app: {dependsOn: [manifests/db]}
            """)
        .commit("app after db");

    startDaemon();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(state("db")).isEqualTo("Progressing");
              assertThat(state("app")).isEqualTo("Progressing");
              assertThat(message("app")).isEqualTo("waiting for design manifests/db (Progressing)");
            });
    assertThat(sandbox.client().configMaps().inNamespace("shop").withName("app").get()).isNull();

    // The rollout finishes (what the deployment controller would write); the watch sees it.
    Deployment db = sandbox.client().apps().deployments().inNamespace("shop").withName("db").get();
    db.setStatus(
        new DeploymentStatusBuilder()
            .withObservedGeneration(db.getMetadata().getGeneration())
            .withReplicas(1)
            .withUpdatedReplicas(1)
            .withReadyReplicas(1)
            .withAvailableReplicas(1)
            .build());
    sandbox.client().resource(db).updateStatus();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(state("app")).isEqualTo("Synced"));
    assertThat(sandbox.client().configMaps().inNamespace("shop").withName("app").get()).isNotNull();
  }
}
