package dev.meshplay.gitops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lists with merge keys merge per item, so two managers can each own their items; all other lists
 * are atomic and replaced whole.
 */
class ListMergeConformanceTest extends OneSandbox {
  @Test
  void containersMergeByName() {
    api.apply("gitops", pod("containers", "containers: [{name: web, image: nginx}]"));
    api.apply("injector", pod("containers", "containers: [{name: proxy, image: envoy}]"));

    assertThat(spec("containers").getContainers())
        .extracting(Container::getName)
        .containsExactly("web", "proxy");
  }

  @Test
  void initAndEphemeralContainersMergeByName() {
    api.apply("gitops", pod("init", "initContainers: [{name: migrate, image: m}]"));
    api.apply("injector", pod("init", "initContainers: [{name: wait, image: w}]"));

    assertThat(spec("init").getInitContainers())
        .extracting(Container::getName)
        .containsExactly("migrate", "wait");
  }

  @Test
  void envMergesByName() {
    api.apply("gitops", pod("env", "containers: [{name: web, env: [{name: A, value: \"1\"}]}]"));
    api.apply("injector", pod("env", "containers: [{name: web, env: [{name: B, value: \"2\"}]}]"));

    assertThat(spec("env").getContainers().getFirst().getEnv())
        .extracting(e -> e.getName() + "=" + e.getValue())
        .containsExactly("A=1", "B=2");
  }

  @Test
  void containerPortsMergeByPortAndProtocol() {
    api.apply("gitops", pod("ports", "containers: [{name: dns, ports: [{containerPort: 53}]}]"));
    api.apply(
        "injector",
        pod("ports", "containers: [{name: dns, ports: [{containerPort: 53, protocol: UDP}]}]"));

    assertThat(spec("ports").getContainers().getFirst().getPorts()).hasSize(2);
  }

  @Test
  void servicePortsMergeByPortAndProtocol() {
    String service =
        "apiVersion: v1\nkind: Service\nmetadata: {name: svc, namespace: demo}\nspec: {ports: [%s]}";
    api.apply("gitops", service.formatted("{port: 80, name: http}"));
    api.apply("injector", service.formatted("{port: 9090, name: metrics}"));
    api.apply("gitops", service.formatted("{port: 80, name: web}"));

    List<ServicePort> ports =
        sandbox.client().services().inNamespace("demo").withName("svc").get().getSpec().getPorts();
    assertThat(ports)
        .extracting(p -> p.getPort() + "/" + p.getName())
        .containsExactly("80/web", "9090/metrics");
  }

  @Test
  void volumesVolumeMountsAndImagePullSecretsMergePerItem() {
    api.apply(
        "gitops",
        pod(
            "volumes",
            "imagePullSecrets: [{name: a}]\n  volumes: [{name: data, emptyDir: {}}]\n  containers: [{name: web, volumeMounts: [{name: data, mountPath: /data}]}]"));
    api.apply(
        "injector",
        pod(
            "volumes",
            "imagePullSecrets: [{name: b}]\n  volumes: [{name: certs, emptyDir: {}}]\n  containers: [{name: web, volumeMounts: [{name: certs, mountPath: /certs}]}]"));

    PodSpec spec = spec("volumes");
    assertThat(spec.getImagePullSecrets()).hasSize(2);
    assertThat(spec.getVolumes()).hasSize(2);
    assertThat(spec.getContainers().getFirst().getVolumeMounts()).hasSize(2);
  }

  @Test
  void otherListsAreReplacedWholeAndOwnedAsOneField() {
    api.apply("gitops", pod("atomic", "containers: [{name: web, args: [--a, --b]}]"));
    Api.Reply reply =
        api.send(
            "PATCH",
            "/api/v1/namespaces/demo/pods/atomic?fieldManager=other",
            Api.APPLY,
            pod("atomic", "containers: [{name: web, args: [--c]}]"));

    assertThat(reply.json().get("message"))
        .asString()
        .endsWith(".spec.containers[name=\"web\"].args");
    api.apply("gitops", pod("atomic", "containers: [{name: web, args: [--c]}]"));
    assertThat(spec("atomic").getContainers().getFirst().getArgs()).containsExactly("--c");
  }

  private PodSpec spec(String name) {
    return sandbox.client().pods().inNamespace("demo").withName(name).get().getSpec();
  }

  private static String pod(String name, String spec) {
    return "apiVersion: v1\nkind: Pod\nmetadata: {name: "
        + name
        + ", namespace: demo}\nspec:\n  "
        + spec
        + "\n";
  }
}
