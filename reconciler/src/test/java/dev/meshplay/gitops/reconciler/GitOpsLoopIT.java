package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole loop in process: a real Git repository, the daemon polling it, the sandbox cluster, and
 * the status page over HTTP. Commits are made as a user makes them.
 */
class GitOpsLoopIT {
  private static final String NAMESPACE =
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
      """;
  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: shop
      spec:
        replicas: 2
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
              - name: web
                image: nginx:1.27
      """;

  @TempDir Path tmp;
  private DesignRepository repo;
  private TestCluster cluster;
  private KubernetesClient kube;
  private Daemon daemon;
  private StatusClient page;

  @BeforeEach
  void start() throws Exception {
    repo = DesignRepository.init(tmp.resolve("repo"));
    cluster = TestCluster.start();
    kube = cluster.client();
  }

  private void startDaemon() {
    startDaemon(new RepositoryRenderer(KustomizeRunner.kubectl()));
  }

  private void startDaemon(RepositoryRenderer renderer) {
    DaemonConfig config =
        new DaemonConfig(
            "127.0.0.1",
            0,
            tmp.resolve("state"),
            Duration.ofMillis(200),
            List.of(new GitSource("shop", repo.dir().toString(), "main")),
            ClusterConfig.sandbox());
    daemon = Daemon.start(config, new KubernetesCluster(cluster.name(), kube), renderer);
    page = new StatusClient(daemon.port());
  }

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close();
    }
    if (kube.namespaces().withName("shop").get() != null) {
      kube.namespaces().withName("shop").delete();
    }
    kube.configMaps().inNamespace("meshplay-system").withName("inventory-shop").delete();
    cluster.close();
    repo.close();
  }

  @Test
  void commitsBecomeObjectsAndBadCommitsChangeNothing() throws Exception {
    String first =
        repo.write("manifests/shop/namespace.yaml", NAMESPACE)
            .write("manifests/shop/web.yaml", DEPLOYMENT)
            .write("manifests/shop/settings.yaml", configMap("settings", "hello"))
            .write("manifests/shop/extra.yaml", configMap("extra", "x"))
            .commit("shop: first version");
    startDaemon();

    awaitApplied(first);
    ConfigMap settings = kube.configMaps().inNamespace("shop").withName("settings").get();
    assertThat(settings.getData()).containsEntry("greeting", "hello");
    assertThat(settings.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "meshplay-gitops")
        .containsEntry("meshplay.dev/source", "shop");
    assertThat(settings.getMetadata().getManagedFields())
        .extracting(ManagedFieldsEntry::getManager)
        .contains("meshplay-gitops");
    assertThat(kube.apps().deployments().inNamespace("shop").withName("web").get()).isNotNull();

    String second =
        repo.write("manifests/shop/settings.yaml", configMap("settings", "bonjour"))
            .commit("shop: greet in French");
    awaitApplied(second);
    assertThat(kube.configMaps().inNamespace("shop").withName("settings").get().getData())
        .containsEntry("greeting", "bonjour");

    String third = repo.delete("manifests/shop/extra.yaml").commit("shop: drop extra");
    awaitApplied(third);
    assertThat(kube.configMaps().inNamespace("shop").withName("extra").get()).isNull();
    assertThat(kube.configMaps().inNamespace("shop").withName("settings").get()).isNotNull();
    assertThat(kube.apps().deployments().inNamespace("shop").withName("web").get()).isNotNull();
    assertThat(kube.namespaces().withName("shop").get()).isNotNull();

    String broken =
        repo.write("manifests/shop/settings.yaml", "apiVersion: v1\nkind: ConfigMap\n  bad: [\n")
            .write("manifests/shop/web.yaml", DEPLOYMENT.replace("replicas: 2", "replicas: 9"))
            .commit("shop: broken");
    await().atMost(Duration.ofSeconds(20)).until(() -> headIs(broken));
    awaitStatus("shop", "Failed");
    JsonNode design = page.design("shop");
    assertThat(design.path("message").asString()).contains("manifests/shop/settings.yaml:");
    assertThat(page.appliedCommit()).isEqualTo(third);
    assertThat(kube.configMaps().inNamespace("shop").withName("settings").get().getData())
        .containsEntry("greeting", "bonjour");
    assertThat(
            kube.apps()
                .deployments()
                .inNamespace("shop")
                .withName("web")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(2);
    HttpResponse<String> html = page.get("/");
    assertThat(html.body())
        .contains("manifests/shop/settings.yaml:", "Failed", third.substring(0, 7));

    String fixed =
        repo.write("manifests/shop/settings.yaml", configMap("settings", "hola"))
            .commit("shop: fixed");
    awaitApplied(fixed);
    assertThat(kube.configMaps().inNamespace("shop").withName("settings").get().getData())
        .containsEntry("greeting", "hola");
    assertThat(
            kube.apps()
                .deployments()
                .inNamespace("shop")
                .withName("web")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(9);
    awaitStatus("shop", "Synced");
    assertThat(page.get("/").body()).contains(fixed.substring(0, 7), "shop: fixed");
  }

  @Test
  void driftMadeByHandIsRepairedOnTheNextPass() throws Exception {
    String commit =
        repo.write("manifests/shop/namespace.yaml", NAMESPACE)
            .write("manifests/shop/web.yaml", DEPLOYMENT)
            .commit("shop");
    startDaemon();
    awaitApplied(commit);

    // As `kubectl patch` would: one field we manage, one annotation we never set.
    kube.apps()
        .deployments()
        .inNamespace("shop")
        .withName("web")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\"team\":\"blue\"}},\"spec\":{\"replicas\":7}}");

    await().atMost(Duration.ofSeconds(20)).until(() -> replicas() == 2);
    Deployment repaired = kube.apps().deployments().inNamespace("shop").withName("web").get();
    assertThat(repaired.getMetadata().getAnnotations()).containsEntry("team", "blue");
    assertThat(page.get("/").body()).contains("drift repaired: .spec.replicas");
  }

  @Test
  void anObjectSomeoneElseTookOverIsNotPruned() throws Exception {
    String commit =
        repo.write("manifests/shop/namespace.yaml", NAMESPACE)
            .write("manifests/shop/extra.yaml", configMap("extra", "x"))
            .commit("shop");
    startDaemon();
    awaitApplied(commit);
    // While the daemon is down (a running one would self-heal the label back first), someone
    // takes the object over, and the file leaves Git.
    daemon.close();
    kube.configMaps()
        .inNamespace("shop")
        .withName("extra")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"labels\":{\"meshplay.dev/source\":null}}}");
    String removed = repo.delete("manifests/shop/extra.yaml").commit("drop extra");

    startDaemon();
    awaitApplied(removed);

    assertThat(kube.configMaps().inNamespace("shop").withName("extra").get()).isNotNull();
  }

  @Test
  void aDesignThatBreaksADenyPolicyIsNotAppliedAndSaysWhy() throws Exception {
    String commit = repo.write("manifests/shop/namespace.yaml", NAMESPACE).commit("shop");
    startDaemon();
    awaitApplied(commit);

    repo.write(
            "manifests/shop/secret.yaml",
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n  namespace: shop\n"
                + "stringData:\n  token: hunter2\n")
        .commit("a secret in plain text");

    awaitStatus("shop", "Failed");
    JsonNode design = page.design("shop");
    assertThat(design.path("message").asString())
        .contains("denied by policy", "secret-in-plain-text", "manifests/shop/secret.yaml:1");
    assertThat(kube.secrets().inNamespace("shop").withName("token").get()).isNull();
    assertThat(kube.namespaces().withName("shop").get()).as("last good state kept").isNotNull();
  }

  @Test
  void anObjectThatBreaksItsSchemaFailsItsDesignWithTheFieldNamed() throws Exception {
    String commit = repo.write("manifests/shop/namespace.yaml", NAMESPACE).commit("shop");
    startDaemon(Daemon.validatingRenderer());
    awaitApplied(commit);

    repo.write("manifests/shop/web.yaml", DEPLOYMENT.replace("replicas: 2", "replicas: many"))
        .commit("replicas as a word");

    awaitStatus("shop", "Failed");
    assertThat(page.design("shop").path("message").asString())
        .contains("manifests/shop/web.yaml:", "replicas");
    assertThat(kube.apps().deployments().inNamespace("shop").withName("web").get()).isNull();
  }

  @Test
  void customResourcesValidateAgainstTheCrdsInstalledInTheCluster() throws Exception {
    kube.resource(
            kube.getKubernetesSerialization()
                .unmarshal(
                    """
                    apiVersion: apiextensions.k8s.io/v1
                    kind: CustomResourceDefinition
                    metadata: {name: widgets.example.com}
                    spec:
                      group: example.com
                      scope: Namespaced
                      names: {kind: Widget, plural: widgets, singular: widget}
                      versions:
                        - name: v1
                          served: true
                          storage: true
                          schema:
                            openAPIV3Schema:
                              type: object
                              properties:
                                spec: {type: object, properties: {size: {type: integer}}}
                    """,
                    io.fabric8.kubernetes.api.model.GenericKubernetesResource.class))
        .create();
    String widget =
        "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  namespace: shop\n"
            + "spec:\n  size: %s\n";
    String commit =
        repo.write("manifests/shop/namespace.yaml", NAMESPACE)
            .write("manifests/shop/widget.yaml", widget.formatted("3"))
            .commit("a widget");
    startDaemon(
        Daemon.validatingRenderer(
            List.of(
                dev.meshplay.gitops.reconciler.loop.Target.of(
                    new KubernetesCluster("sandbox", kube)))));

    awaitApplied(commit);
    assertThat(
            kube.genericKubernetesResources("example.com/v1", "Widget")
                .inNamespace("shop")
                .withName("w")
                .get())
        .isNotNull();

    repo.write("manifests/shop/widget.yaml", widget.formatted("big")).commit("size as a word");
    awaitStatus("shop", "Failed");
    assertThat(page.design("shop").path("message").asString())
        .contains("manifests/shop/widget.yaml:", "size");
  }

  @Test
  void eachPassReportsTheCommitsSettings() throws Exception {
    String commit = repo.write("manifests/shop/namespace.yaml", NAMESPACE).commit("shop");
    startDaemon();
    var latency = new java.util.concurrent.atomic.AtomicReference<Duration>();
    daemon.onSettings(settings -> latency.set(settings.demoTargetLatency()));
    awaitApplied(commit);

    repo.write("meshplay.yaml", "spec:\n  demoTarget: {latency: 300ms}\n").commit("slower");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Duration.ofMillis(300).equals(latency.get()));
  }

  @Test
  void healthAndReadinessAnswer() throws Exception {
    String commit = repo.write("manifests/shop/namespace.yaml", NAMESPACE).commit("shop");
    startDaemon();
    awaitApplied(commit);

    assertThat(page.get("/healthz").statusCode()).isEqualTo(200);
    assertThat(page.get("/readyz").statusCode()).isEqualTo(200);
    HttpResponse<String> html = page.get("/");
    assertThat(html.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(html.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  private int replicas() {
    Deployment d = kube.apps().deployments().inNamespace("shop").withName("web").get();
    return d.getSpec().getReplicas();
  }

  private boolean headIs(String commit) {
    return commit.equals(page.status().path("sources").path(0).path("head").path("id").asString());
  }

  private void awaitStatus(String design, String status) {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> status.equals(page.design(design).path("status").asString()));
  }

  private void awaitApplied(String commit) {
    await().atMost(Duration.ofSeconds(20)).until(() -> commit.equals(page.appliedCommit()));
  }

  private static String configMap(String name, String greeting) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: %s
          namespace: shop
        data:
          greeting: %s
        """
        .formatted(name, greeting);
  }
}
