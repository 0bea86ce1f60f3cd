package dev.meshplay.gitops.sandbox.controllers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RolloutSimulatorTest {

  @Test
  void anAppliedDeploymentReportsItsRolloutFinished() {
    try (SandboxCluster sandbox = SandboxCluster.start().simulateControllers()) {
      Deployment web =
          new DeploymentBuilder()
              .withNewMetadata()
              .withName("web")
              .withNamespace("default")
              .endMetadata()
              .withNewSpec()
              .withReplicas(3)
              .endSpec()
              .build();
      sandbox.client().resource(web).fieldManager("test").serverSideApply();

      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                Deployment live =
                    sandbox
                        .client()
                        .apps()
                        .deployments()
                        .inNamespace("default")
                        .withName("web")
                        .get();
                return live.getStatus() != null
                    && Integer.valueOf(3).equals(live.getStatus().getReadyReplicas());
              });
    }
  }

  @Test
  void withoutSimulationNothingWritesStatus() throws Exception {
    try (SandboxCluster sandbox = SandboxCluster.start()) {
      Deployment web =
          new DeploymentBuilder()
              .withNewMetadata()
              .withName("web")
              .withNamespace("default")
              .endMetadata()
              .withNewSpec()
              .withReplicas(3)
              .endSpec()
              .build();
      sandbox.client().resource(web).fieldManager("test").serverSideApply();
      Thread.sleep(500);

      Deployment live =
          sandbox.client().apps().deployments().inNamespace("default").withName("web").get();
      assertThat(live.getStatus() == null || live.getStatus().getReadyReplicas() == null).isTrue();
    }
  }
}
