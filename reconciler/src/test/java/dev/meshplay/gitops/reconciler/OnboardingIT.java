package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The onboarding round trip: objects created by hand (as {@code kubectl create} would), exported,
 * validated, committed to a repository the daemon watches, synced; nothing is re-created, ownership
 * is added, and a plan afterwards is empty. Objects of Argo CD, Flux and Helm are left alone.
 */
class OnboardingIT {
  private static final String NS = "onboard";
  private static final String SECRET_VALUE = "czNjcjN0LXZhbHVl";
  private static final String OBJECTS =
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: onboard, labels: {team: shop}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings, namespace: onboard}
      data: {greeting: hello}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: db, namespace: onboard}
      type: Opaque
      data: {password: czNjcjN0LXZhbHVl}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: api, namespace: onboard}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: reader, namespace: onboard}
      rules: [{apiGroups: [""], resources: [configmaps], verbs: [get, list]}]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: api-reader, namespace: onboard}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
      subjects: [{kind: ServiceAccount, name: api, namespace: onboard}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: api, namespace: onboard, labels: {app: api}}
      spec:
        replicas: 1
        selector: {matchLabels: {app: api}}
        template:
          metadata: {labels: {app: api}}
          spec:
            serviceAccountName: api
            containers:
            - name: api
              image: nginx:1.27
              ports: [{containerPort: 80}]
              envFrom: [{configMapRef: {name: settings}}]
              env: [{name: PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: api, namespace: onboard}
      spec:
        selector: {app: api}
        ports: [{port: 80}]
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: helm-values
        namespace: onboard
        labels: {app.kubernetes.io/managed-by: Helm}
        annotations: {meta.helm.sh/release-name: cart, meta.helm.sh/release-namespace: onboard}
      data: {a: b}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: flux-values
        namespace: onboard
        labels: {kustomize.toolkit.fluxcd.io/name: apps, kustomize.toolkit.fluxcd.io/namespace: flux-system}
      data: {a: b}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: argo-values
        namespace: onboard
        annotations: {argocd.argoproj.io/tracking-id: "shop:/ConfigMap:onboard/argo-values"}
      data: {a: b}
      """;
  private static final String CRD =
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.onboard.example.com}
      spec:
        group: onboard.example.com
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
      """;
  private static final String WIDGET =
      """
      apiVersion: onboard.example.com/v1
      kind: Widget
      metadata: {name: blue, namespace: onboard}
      spec: {size: 3}
      """;

  @TempDir Path tmp;
  private TestCluster cluster;
  private KubernetesClient kube;
  private DesignRepository repo;
  private Daemon daemon;

  @BeforeEach
  void start() throws Exception {
    cluster = TestCluster.start();
    kube = cluster.client();
    repo = DesignRepository.init(tmp.resolve("repo"));
  }

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close();
    }
    // A real cluster outlives the test; the sandbox goes with its objects.
    if (!cluster.isSandbox()) {
      kube.namespaces().withName(NS).delete();
      kube.apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName("widgets.onboard.example.com")
          .delete();
      kube.configMaps().inNamespace("meshplay-system").withName("inventory-onboard").delete();
    }
    cluster.close();
    repo.close();
  }

  @Test
  void anExportedNamespaceIsAdoptedInPlaceAndThenPlansNoChanges() throws Exception {
    Map<String, String> uids = createByHand();
    assertThat(uids).hasSize(12).doesNotContainValue(null);
    Long generation =
        kube.apps()
            .deployments()
            .inNamespace(NS)
            .withName("api")
            .get()
            .getMetadata()
            .getGeneration();
    Path kubeconfig = cluster.kubeconfig(tmp);

    Run export =
        run(
            withContext(
                "export",
                "--kubeconfig",
                kubeconfig.toString(),
                "-n",
                NS,
                "--out",
                repo.dir().toString()));
    assertThat(export.code()).as(export.err()).isEqualTo(0);
    String design = Files.readString(repo.dir().resolve("designs/onboard.yaml"));
    assertThat(design)
        .contains("displayName: db")
        .doesNotContain(SECRET_VALUE)
        .doesNotContain("password:");
    assertThat(export.err())
        .contains("owned by Helm release onboard/cart")
        .contains("owned by Flux Kustomization flux-system/apps")
        .contains("owned by Argo CD application");
    Run validate = run("validate", repo.dir().toString());
    assertThat(validate.code()).as(validate.out()).isEqualTo(0);

    String commit = repo.commit("Onboard the onboard namespace");
    daemon =
        TestDaemons.start(
            tmp.resolve("state"), repo.dir(), "onboard", Duration.ofMillis(300), kube);
    StatusClient page = new StatusClient(daemon.port());
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(page.appliedCommit()).isEqualTo(commit);
              assertThat(adopted(page.design("onboard"))).contains("Deployment/onboard/api");
            });

    JsonNode status = page.design("onboard");
    assertThat(adopted(status))
        .contains(
            "Namespace/onboard",
            "ConfigMap/onboard/settings",
            "ServiceAccount/onboard/api",
            "Role/onboard/reader",
            "RoleBinding/onboard/api-reader",
            "Service/onboard/api",
            "Widget/onboard/blue")
        .doesNotContain("Secret/onboard/db", "ConfigMap/onboard/helm-values");
    Map<String, String> held = held(status);
    assertThat(held.get("ConfigMap/onboard/helm-values"))
        .startsWith("owned by Helm release onboard/cart");
    assertThat(held.get("ConfigMap/onboard/flux-values")).startsWith("owned by Flux Kustomization");
    assertThat(held.get("ConfigMap/onboard/argo-values"))
        .startsWith("owned by Argo CD application");

    assertThat(currentUids()).isEqualTo(uids);
    assertThat(
            kube.apps()
                .deployments()
                .inNamespace(NS)
                .withName("api")
                .get()
                .getMetadata()
                .getGeneration())
        .as("the pod template was not changed: no new rollout")
        .isEqualTo(generation);
    assertThat(
            kube.apps()
                .deployments()
                .inNamespace(NS)
                .withName("api")
                .get()
                .getMetadata()
                .getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "meshplay-gitops")
        .containsEntry("meshplay.dev/source", "onboard");
    assertThat(
            kube.configMaps()
                .inNamespace(NS)
                .withName("helm-values")
                .get()
                .getMetadata()
                .getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "Helm")
        .doesNotContainKey("meshplay.dev/source");
    assertThat(kube.secrets().inNamespace(NS).withName("db").get().getData())
        .containsEntry("password", SECRET_VALUE);
    assertThat(
            kube.configMaps()
                .inNamespace("meshplay-system")
                .withName("inventory-onboard")
                .get()
                .getData()
                .values())
        .anyMatch(v -> v.contains("apps/v1 Deployment onboard api"))
        .noneMatch(v -> v.contains("helm-values") || v.contains("Secret"));

    Run plan =
        run(
            withContext(
                "plan",
                "--repo",
                repo.dir().toString(),
                "--kubeconfig",
                kubeconfig.toString(),
                "--source",
                "onboard"));
    assertThat(plan.code()).as(plan.out() + plan.err()).isEqualTo(0);
    assertThat(plan.out())
        .contains(
            "held (another tool's) ConfigMap/onboard/helm-values  (owned by Helm release onboard/cart");
  }

  /** Creates the objects as a user would, without any mark of ours; returns their uids. */
  private Map<String, String> createByHand() {
    create(CRD);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(kube.getApiResources("onboard.example.com/v1")).isNotNull());
    for (String document : OBJECTS.split("\n---\n")) {
      create(document);
    }
    create(WIDGET);
    return currentUids();
  }

  private void create(String yaml) {
    HasMetadata object =
        kube.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
    kube.resource(object).create();
  }

  private Map<String, String> currentUids() {
    Map<String, String> uids = new HashMap<>();
    List<String> all = new ArrayList<>(List.of(OBJECTS.split("\n---\n")));
    all.add(WIDGET);
    for (String document : all) {
      GenericKubernetesResource wanted =
          kube.getKubernetesSerialization().unmarshal(document, GenericKubernetesResource.class);
      HasMetadata live = kube.resource(wanted).get();
      uids.put(
          wanted.getKind() + "/" + wanted.getMetadata().getName(), live.getMetadata().getUid());
    }
    return uids;
  }

  private static List<String> adopted(JsonNode design) {
    List<String> refs = new ArrayList<>();
    if (design != null) {
      for (JsonNode object : design.path("objects")) {
        if (!object.path("adopted").isNull() && !object.path("adopted").isMissingNode()) {
          refs.add(ref(object));
        }
      }
    }
    return refs;
  }

  private static Map<String, String> held(JsonNode design) {
    Map<String, String> held = new HashMap<>();
    for (JsonNode object : design.path("objects")) {
      if (object.path("action").asString().equals("HELD_FOREIGN")) {
        held.put(ref(object), object.path("error").asString());
      }
    }
    return held;
  }

  private static String ref(JsonNode object) {
    String namespace =
        object.path("namespace").isNull() ? null : object.path("namespace").asString();
    return object.path("kind").asString()
        + "/"
        + (namespace == null ? "" : namespace + "/")
        + object.path("name").asString();
  }

  private String[] withContext(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (cluster.context() != null) {
      all.add("--context");
      all.add(cluster.context());
    }
    return all.toArray(String[]::new);
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
