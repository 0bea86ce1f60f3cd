package dev.meshplay.gitops.sandbox.controllers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedStatusTest {

  @Test
  void aDeploymentSettlesWithEveryReplicaReadyAtItsGeneration() {
    Map<String, Object> deployment =
        Map.of(
            "kind", "Deployment",
            "metadata", Map.of("name", "web", "generation", 3),
            "spec", Map.of("replicas", 4));

    Map<String, Object> status = SimulatedStatus.of(deployment).orElseThrow();

    assertThat(status)
        .containsEntry("observedGeneration", 3L)
        .containsEntry("readyReplicas", 4L)
        .containsEntry("availableReplicas", 4L);
  }

  @Test
  void anObjectAlreadySettledNeedsNoWrite() {
    Map<String, Object> deployment =
        Map.of(
            "kind", "Deployment",
            "metadata", Map.of("name", "web", "generation", 1),
            "spec", Map.of("replicas", 2));
    Map<String, Object> status = SimulatedStatus.of(deployment).orElseThrow();
    Map<String, Object> settled = new java.util.HashMap<>(deployment);
    settled.put("status", status);

    assertThat(SimulatedStatus.settled(deployment, status)).isFalse();
    assertThat(SimulatedStatus.settled(settled, status)).isTrue();
  }

  @Test
  void kindsWithoutAControllerAreLeftAlone() {
    assertThat(SimulatedStatus.of(Map.of("kind", "ConfigMap"))).isEmpty();
  }

  @Test
  void jobsCompleteAndClaimsBind() {
    assertThat(SimulatedStatus.of(Map.of("kind", "Job")).orElseThrow()).containsKey("conditions");
    assertThat(SimulatedStatus.of(Map.of("kind", "PersistentVolumeClaim")).orElseThrow())
        .containsEntry("phase", "Bound");
  }
}
