package dev.meshplay.gitops.reconciler.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Live objects as a real API server returns them, and what an export keeps of them. */
class ServerFieldsTest {

  @Test
  void aLiveDeploymentLosesServerFieldsAndDefaultsButKeepsChoices() {
    Map<String, Object> live =
        yaml(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              uid: 0b6e2f4e-1
              resourceVersion: "4711"
              generation: 3
              creationTimestamp: "2026-11-01T10:00:00Z"
              managedFields: [{manager: kubectl-create, operation: Update}]
              labels: {app: web}
              annotations:
                deployment.kubernetes.io/revision: "3"
                kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"apps/v1"}'
                team: checkout
            spec:
              replicas: 2
              revisionHistoryLimit: 10
              progressDeadlineSeconds: 600
              strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 25%}}
              selector: {matchLabels: {app: web}}
              template:
                metadata: {creationTimestamp: null, labels: {app: web}}
                spec:
                  restartPolicy: Always
                  dnsPolicy: ClusterFirst
                  schedulerName: default-scheduler
                  terminationGracePeriodSeconds: 60
                  securityContext: {}
                  serviceAccount: web
                  serviceAccountName: web
                  containers:
                  - name: web
                    image: nginx:1.27
                    imagePullPolicy: IfNotPresent
                    terminationMessagePath: /dev/termination-log
                    terminationMessagePolicy: File
                    resources: {}
                    ports: [{containerPort: 80, protocol: TCP}, {containerPort: 53, protocol: UDP}]
                  - name: sidecar
                    image: busybox
                    imagePullPolicy: IfNotPresent
            status: {replicas: 2, readyReplicas: 2}
            """);

    Map<String, Object> cleaned = ServerFields.clean(live);

    assertThat(cleaned)
        .isEqualTo(
            yaml(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                  labels: {app: web}
                  annotations: {team: checkout}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      terminationGracePeriodSeconds: 60
                      serviceAccountName: web
                      containers:
                      - name: web
                        image: nginx:1.27
                        ports: [{containerPort: 80}, {containerPort: 53, protocol: UDP}]
                      - name: sidecar
                        image: busybox
                        imagePullPolicy: IfNotPresent
                """));
    assertThat(live).containsKey("status");
  }

  @Test
  void aServiceLosesAllocatedAddressesButAHeadlessOneStaysHeadless() {
    Map<String, Object> service =
        yaml(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              type: ClusterIP
              clusterIP: 10.96.12.7
              clusterIPs: [10.96.12.7]
              ipFamilies: [IPv4]
              ipFamilyPolicy: SingleStack
              sessionAffinity: None
              internalTrafficPolicy: Cluster
              selector: {app: web}
              ports: [{port: 80, targetPort: 80, protocol: TCP}, {port: 443, targetPort: 8443, protocol: TCP}]
            """);
    Map<String, Object> headless =
        yaml(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: db, namespace: shop}
            spec: {clusterIP: None, clusterIPs: [None], ports: [{port: 5432}]}
            """);

    assertThat(ServerFields.clean(service).get("spec"))
        .isEqualTo(
            yaml(
                """
                selector: {app: web}
                ports: [{port: 80}, {port: 443, targetPort: 8443}]
                """));
    assertThat(ServerFields.clean(headless).get("spec"))
        .isEqualTo(Map.of("clusterIP", "None", "ports", java.util.List.of(Map.of("port", 5432))));
  }

  @Test
  void aNamespaceLosesItsNameLabelAndFinalizerAndOurMarksAreNotExported() {
    Map<String, Object> namespace =
        yaml(
            """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels:
                kubernetes.io/metadata.name: shop
                app.kubernetes.io/managed-by: meshplay-gitops
                meshplay.dev/source: old
                team: checkout
              annotations: {meshplay.dev/config-hash: abc, meshplay.dev/design: designs/a.yaml}
            spec: {finalizers: [kubernetes]}
            status: {phase: Active}
            """);

    assertThat(ServerFields.clean(namespace))
        .isEqualTo(
            yaml(
                """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop, labels: {team: checkout}}
                """));
  }

  @Test
  void pullPoliciesAreDefaultsOnlyWhenTheyMatchTheTag() {
    String pod =
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: shop}
        spec:
          containers:
          - {name: a, image: nginx, imagePullPolicy: Always}
          - {name: b, image: "nginx:latest", imagePullPolicy: Always}
          - {name: c, image: "registry:5000/nginx", imagePullPolicy: Always}
          - {name: d, image: "nginx@sha256:abc", imagePullPolicy: IfNotPresent}
          - {name: e, image: "nginx:1.27", imagePullPolicy: Always}
        """;

    assertThat(ServerFields.clean(yaml(pod)).toString())
        .doesNotContain("name=a, image=nginx, imagePullPolicy")
        .doesNotContain("name=b, image=nginx:latest, imagePullPolicy")
        .doesNotContain("name=c, image=registry:5000/nginx, imagePullPolicy")
        .doesNotContain("image=nginx@sha256:abc, imagePullPolicy")
        .contains("name=e, image=nginx:1.27, imagePullPolicy=Always");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(String text) {
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
  }
}
