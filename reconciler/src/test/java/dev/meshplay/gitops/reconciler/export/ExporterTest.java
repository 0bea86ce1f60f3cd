package dev.meshplay.gitops.reconciler.export;

import static dev.meshplay.gitops.reconciler.export.ServerFieldsTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshplay.gitops.reconciler.cluster.ApiKind;
import dev.meshplay.gitops.reconciler.cluster.ClusterException;
import dev.meshplay.gitops.reconciler.cluster.LiveObjects;
import dev.meshplay.gitops.render.Diagnostic;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.RenderedDesign;
import dev.meshplay.gitops.render.RenderedObject;
import dev.meshplay.gitops.render.RenderedSet;
import dev.meshplay.gitops.render.ValidationMode;
import dev.meshplay.gitops.render.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export written to a repository renders back to the cleaned live objects and validates. */
class ExporterTest {
  private static final List<String> VERBS = List.of("get", "list", "watch", "create");
  private static final List<ApiKind> KINDS =
      List.of(
          new ApiKind("", "v1", "Namespace", "namespaces", false, VERBS),
          new ApiKind("", "v1", "ConfigMap", "configmaps", true, VERBS),
          new ApiKind("", "v1", "Secret", "secrets", true, VERBS),
          new ApiKind("", "v1", "Service", "services", true, VERBS),
          new ApiKind("", "v1", "Event", "events", true, VERBS),
          new ApiKind("", "v1", "Binding", "bindings", true, List.of("create")),
          new ApiKind("apps", "v1", "Deployment", "deployments", true, VERBS),
          new ApiKind(
              "rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, VERBS),
          new ApiKind(
              "apiextensions.k8s.io",
              "v1",
              "CustomResourceDefinition",
              "customresourcedefinitions",
              false,
              VERBS),
          new ApiKind("example.com", "v1", "Widget", "widgets", true, VERBS));

  @TempDir Path repo;

  @Test
  void aNamespaceRoundTripsThroughADesign() throws IOException {
    Export export = Exporter.run(new FakeCluster(), scope(List.of("shop")));
    write(export);

    assertThat(export.files())
        .containsKeys("designs/shop.yaml", "models/example-com/v1/v1.0.0/components/Widget.json");
    RenderedSet rendered = Validator.kubernetes(ValidationMode.DEFAULT).validate(repo);
    assertThat(rendered.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    RenderedDesign design = rendered.designs().getFirst();
    assertThat(design.name()).isEqualTo("shop");
    Map<String, Map<String, Object>> bodies = new java.util.HashMap<>();
    for (RenderedObject object : design.objects()) {
      bodies.put(object.ref().toString(), object.body());
    }
    assertThat(bodies.keySet())
        .containsExactlyInAnyOrder(
            "Namespace/shop",
            "ConfigMap/shop/settings",
            "ConfigMap/shop/chart-values",
            "Deployment/shop/web",
            "Service/shop/web",
            "Widget/shop/blue");
    for (Map<String, Object> live : new FakeCluster().objects) {
      String ref = Exporter.ref(live).toString();
      if (bodies.containsKey(ref)) {
        assertThat(bodies.get(ref)).as(ref).isEqualTo(ServerFields.clean(live));
      }
    }
    assertThat(design.relationships()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void secretsAreReferencesWithoutData() throws IOException {
    Export export = Exporter.run(new FakeCluster(), scope(List.of("shop")));

    String design = export.files().get("designs/shop.yaml");
    assertThat(design).contains("displayName: db-password").doesNotContain("c2VjcmV0");
    assertThat(design).doesNotContain("data:\n      password");
    assertThat(export.notes())
        .anyMatch(n -> n.contains("references, without their data: Secret/shop/db-password"));
  }

  @Test
  void whatIsNotConfigurationIsLeftOutAndForeignOwnersAreNamed() {
    Export export = Exporter.run(new FakeCluster(), scope(List.of()));

    String design = export.files().get("designs/shop.yaml");
    assertThat(design).doesNotContain("kube-root-ca.crt").doesNotContain("web-5d9c");
    assertThat(export.files()).doesNotContainKey("designs/kube-system.yaml");
    assertThat(export.files()).doesNotContainKey("designs/cluster.yaml");
    assertThat(export.notes())
        .contains("left out 1 object(s): Kubernetes puts it in every namespace")
        .anyMatch(
            n -> n.startsWith("ConfigMap/shop/chart-values: owned by Helm release shop/cart"));
  }

  @Test
  void clusterScopedKindsOnlyWhenNamedAndManifestsOnRequest() {
    Export export =
        Exporter.run(
            new FakeCluster(),
            new ExportScope(
                List.of("shop"),
                null,
                List.of("ConfigMap", "clusterroles"),
                ExportFormat.manifests));

    assertThat(export.files().keySet())
        .contains(
            "manifests/shop/configmap-settings.yaml", "manifests/cluster/clusterrole-reader.yaml")
        .noneMatch(p -> p.contains("deployment") || p.contains("namespace"));
  }

  @Test
  void aKindTheClusterRefusesToListIsANoteNotAFailure() {
    FakeCluster cluster = new FakeCluster();
    cluster.forbidden = "Service";

    Export export = Exporter.run(cluster, scope(List.of("shop")));

    assertThat(export.files().get("designs/shop.yaml")).contains("displayName: settings");
    assertThat(export.notes())
        .anyMatch(
            n -> n.startsWith("not exported, the cluster refused the list: fake: list Service"));
  }

  @Test
  void anUnknownNamespaceIsAnError() {
    assertThatThrownBy(() -> Exporter.run(new FakeCluster(), scope(List.of("nope"))))
        .hasMessage("--namespace nope: no such namespace in the cluster");
  }

  private static ExportScope scope(List<String> namespaces) {
    return new ExportScope(namespaces, null, List.of(), ExportFormat.design);
  }

  private void write(Export export) throws IOException {
    for (var file : export.files().entrySet()) {
      Path path = repo.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
  }

  /** A cluster as its API server would list it. */
  private static final class FakeCluster implements LiveObjects {
    final List<Map<String, Object>> objects = new ArrayList<>();
    String forbidden;

    FakeCluster() {
      for (String document :
          """
          apiVersion: v1
          kind: Namespace
          metadata: {name: shop, uid: u1, labels: {kubernetes.io/metadata.name: shop}}
          spec: {finalizers: [kubernetes]}
          status: {phase: Active}
          ---
          apiVersion: v1
          kind: Namespace
          metadata: {name: kube-system, uid: u0}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: settings, namespace: shop, uid: u2, resourceVersion: "9"}
          data: {greeting: "hello\\nworld\\n"}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: kube-root-ca.crt, namespace: shop}
          data: {ca.crt: x}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: coredns, namespace: kube-system}
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: chart-values
            namespace: shop
            labels: {app.kubernetes.io/managed-by: Helm}
            annotations: {meta.helm.sh/release-name: cart, meta.helm.sh/release-namespace: shop}
          ---
          apiVersion: v1
          kind: Secret
          type: Opaque
          metadata: {name: db-password, namespace: shop}
          data: {password: c2VjcmV0}
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: web, namespace: shop}
          spec: {clusterIP: 10.0.0.3, selector: {app: web}, ports: [{port: 80, targetPort: 80, protocol: TCP}]}
          ---
          apiVersion: v1
          kind: Event
          metadata: {name: web.1, namespace: shop}
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web, namespace: shop, generation: 2, annotations: {deployment.kubernetes.io/revision: "2"}}
          spec:
            replicas: 2
            revisionHistoryLimit: 10
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                containers:
                - name: web
                  image: nginx:1.27
                  imagePullPolicy: IfNotPresent
                  envFrom: [{configMapRef: {name: settings}}]
                  env: [{name: PASSWORD, valueFrom: {secretKeyRef: {name: db-password, key: password}}}]
          ---
          apiVersion: apps/v1
          kind: ReplicaSet
          metadata:
            name: web-5d9c
            namespace: shop
            ownerReferences: [{kind: Deployment, name: web, controller: true}]
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata: {name: reader}
          rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
          ---
          apiVersion: apiextensions.k8s.io/v1
          kind: CustomResourceDefinition
          metadata: {name: widgets.example.com}
          spec:
            group: example.com
            scope: Namespaced
            names: {kind: Widget, plural: widgets}
            versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec: {type: object, properties: {size: {type: integer}}}
          ---
          apiVersion: example.com/v1
          kind: Widget
          metadata: {name: blue, namespace: shop}
          spec: {size: 3}
          """
              .split("\n---\n")) {
        objects.add(yaml(document));
      }
    }

    @Override
    public List<ApiKind> kinds() {
      return KINDS;
    }

    @Override
    public List<Map<String, Object>> list(ApiKind kind, String namespace, String selector) {
      if (kind.kind().equals(forbidden)) {
        throw new ClusterException(
            "fake",
            "list",
            new ObjectRef(kind.apiVersion(), kind.kind(), namespace, "*"),
            "Forbidden",
            new IllegalStateException("services is forbidden"));
      }
      return objects.stream()
          .filter(o -> o.get("kind").equals(kind.kind()) || isReplicaSetOfApps(o, kind))
          .filter(o -> namespace == null || namespace.equals(Exporter.ref(o).namespace()))
          .map(ServerFields::copy)
          .toList();
    }

    // Stands for a cluster listing ReplicaSets: the fake serves them under Deployment's group.
    private static boolean isReplicaSetOfApps(Map<String, Object> o, ApiKind kind) {
      return o.get("kind").equals("ReplicaSet") && kind.kind().equals("Deployment");
    }
  }
}
