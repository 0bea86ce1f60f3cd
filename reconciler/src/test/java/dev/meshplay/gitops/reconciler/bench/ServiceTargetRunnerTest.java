package dev.meshplay.gitops.reconciler.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshplay.gitops.perf.Benchmarks;
import dev.meshplay.gitops.perf.demo.DemoTarget;
import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.load.ProgressListener;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.profile.ProfileReader;
import dev.meshplay.gitops.perf.profile.ProfileReading;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import dev.meshplay.gitops.perf.result.Environment;
import dev.meshplay.gitops.reconciler.cluster.ServiceAccess;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A profile whose target is a Service runs against the address the cluster gives for it, and its
 * result records that cluster. The sandbox has no network of its own, so the Service here is a
 * LoadBalancer whose ingress is the loopback, where a demo target listens.
 */
class ServiceTargetRunnerTest {
  private SandboxCluster sandbox;
  private DemoTarget target;

  @BeforeEach
  void start() throws Exception {
    sandbox = SandboxCluster.start();
    target = DemoTarget.start(DemoTarget.Settings.loopback());
    var service =
        new ServiceBuilder()
            .withNewMetadata()
            .withName("webapp")
            .withNamespace("shop")
            .endMetadata()
            .withNewSpec()
            .withType("LoadBalancer")
            .addNewPort()
            .withPort(target.uri("/").getPort())
            .endPort()
            .endSpec()
            .withNewStatus()
            .withNewLoadBalancer()
            .addNewIngress()
            .withIp("127.0.0.1")
            .endIngress()
            .endLoadBalancer()
            .endStatus()
            .build();
    sandbox.client().services().inNamespace("shop").resource(service).create();
    sandbox.client().services().inNamespace("shop").resource(service).updateStatus();
    sandbox
        .client()
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName("node-a")
                .endMetadata()
                .withNewStatus()
                .withAllocatable(Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi")))
                .endStatus()
                .build())
        .create();
  }

  @AfterEach
  void stop() {
    target.close();
    sandbox.close();
  }

  private static BenchmarkProfile profile(String service, int port) {
    String yaml =
        ("name: svc\ntarget: {service: %s, namespace: shop, port: %d, path: /healthz}\n"
                + "concurrentRequest: 2\nqps: 50\nduration: 1s\n")
            .formatted(service, port);
    return ((ProfileReading.Accepted) new ProfileReader().read("benchmarks/svc.yaml", yaml))
        .profile();
  }

  private ServiceTargetRunner runner() {
    return new ServiceTargetRunner(
        Benchmarks.standard(), List.of(new ServiceAccess("sandbox", sandbox.client())));
  }

  @Test
  void aServiceTargetRunsAgainstItsLoadBalancerAndRecordsTheCluster() throws Exception {
    int port = target.uri("/").getPort();

    BenchmarkResult result = runner().run(profile("webapp", port), ProgressListener.NONE);

    assertThat(target.requests()).isGreaterThan(20);
    assertThat(result.errors().total()).isZero();
    assertThat(result.labels()).containsEntry("target", "service/shop/webapp:" + port);
    Environment.Cluster cluster = result.environment().kubernetes().orElseThrow();
    assertThat(cluster.nodes()).containsExactly(new Environment.Node("node-a", 4, 8192));
    assertThat(result.envId()).isEqualTo(result.environment().id());
    assertThat(result.envId()).isNotEqualTo(Environment.local().id());
  }

  @Test
  void aServiceInNoClusterIsAnErrorNamingItAndTheClusters() {
    assertThatThrownBy(() -> runner().run(profile("missing", 80), ProgressListener.NONE))
        .isInstanceOf(LoadGeneratorException.class)
        .hasMessage(
            "service/shop/missing:80 (target of svc) was not found in any cluster: [sandbox]");
    assertThat(target.requests()).isZero();
  }

  @Test
  void aPortTheServiceDoesNotExposeIsAnError() {
    assertThatThrownBy(() -> runner().run(profile("webapp", 1), ProgressListener.NONE))
        .isInstanceOf(LoadGeneratorException.class)
        .hasMessageContaining("sandbox: service/shop/webapp:1 has no port 1");
  }

  @Test
  void endpointsKeepTheirPathAndQueryOnTheReachableAddress() {
    assertThat(
            ServiceTargetRunner.rebase(
                URI.create("http://webapp.shop.svc:8080/api/x?y=1"),
                URI.create("http://127.0.0.1:41234")))
        .isEqualTo(URI.create("http://127.0.0.1:41234/api/x?y=1"));
  }
}
