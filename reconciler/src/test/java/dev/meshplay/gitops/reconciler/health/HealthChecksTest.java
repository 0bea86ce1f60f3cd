package dev.meshplay.gitops.reconciler.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class HealthChecksTest {

  @Test
  void aDeploymentIsHealthyWhenEveryReplicaIsAvailableAtItsGeneration() {
    assertThat(
            state(
                """
        kind: Deployment
        metadata: {generation: 2}
        spec: {replicas: 3}
        status: {observedGeneration: 2, updatedReplicas: 3, availableReplicas: 3}
        """))
        .isEqualTo(Health.State.HEALTHY);
  }

  @Test
  void aDeploymentRollingOutIsProgressingWithCounts() {
    Health health =
        HealthChecks.of(
            yaml(
                """
        kind: Deployment
        metadata: {generation: 2}
        spec: {replicas: 3}
        status: {observedGeneration: 2, updatedReplicas: 3, availableReplicas: 1}
        """));

    assertThat(health.state()).isEqualTo(Health.State.PROGRESSING);
    assertThat(health.message()).isEqualTo("1 of 3 replicas available");
  }

  @Test
  void aDeploymentNotYetSeenByItsControllerIsProgressing() {
    assertThat(
            state(
                """
        kind: Deployment
        metadata: {generation: 3}
        spec: {replicas: 1}
        status: {observedGeneration: 2, updatedReplicas: 1, availableReplicas: 1}
        """))
        .isEqualTo(Health.State.PROGRESSING);
  }

  @Test
  void aDeploymentPastItsDeadlineIsDegraded() {
    assertThat(
            state(
                """
        kind: Deployment
        metadata: {generation: 1}
        spec: {replicas: 1}
        status:
          observedGeneration: 1
          conditions: [{type: Progressing, status: "False", reason: ProgressDeadlineExceeded}]
        """))
        .isEqualTo(Health.State.DEGRADED);
  }

  @Test
  void aStatefulSetMidRevisionIsProgressing() {
    assertThat(
            state(
                """
        kind: StatefulSet
        metadata: {generation: 1}
        spec: {replicas: 2}
        status: {observedGeneration: 1, readyReplicas: 2, currentRevision: a, updateRevision: b}
        """))
        .isEqualTo(Health.State.PROGRESSING);
  }

  @Test
  void aDaemonSetWithEveryPodAvailableIsHealthy() {
    assertThat(
            state(
                """
        kind: DaemonSet
        metadata: {generation: 1}
        status: {observedGeneration: 1, desiredNumberScheduled: 3, updatedNumberScheduled: 3, numberAvailable: 3}
        """))
        .isEqualTo(Health.State.HEALTHY);
  }

  @Test
  void jobsAreHealthyWhenCompleteAndDegradedWhenFailed() {
    assertThat(state("kind: Job\nstatus: {conditions: [{type: Complete, status: 'True'}]}\n"))
        .isEqualTo(Health.State.HEALTHY);
    assertThat(state("kind: Job\nstatus: {conditions: [{type: Failed, status: 'True'}]}\n"))
        .isEqualTo(Health.State.DEGRADED);
    assertThat(state("kind: Job\nstatus: {active: 1}\n")).isEqualTo(Health.State.PROGRESSING);
  }

  @Test
  void claimsMustBeBound() {
    assertThat(state("kind: PersistentVolumeClaim\nstatus: {phase: Bound}\n"))
        .isEqualTo(Health.State.HEALTHY);
    assertThat(state("kind: PersistentVolumeClaim\nstatus: {phase: Pending}\n"))
        .isEqualTo(Health.State.PROGRESSING);
    assertThat(state("kind: PersistentVolumeClaim\nstatus: {phase: Lost}\n"))
        .isEqualTo(Health.State.DEGRADED);
  }

  @Test
  void crdsMustBeEstablished() {
    assertThat(state("kind: CustomResourceDefinition\nstatus: {}\n"))
        .isEqualTo(Health.State.PROGRESSING);
    assertThat(
            state(
                "kind: CustomResourceDefinition\nstatus: {conditions: [{type: Established, status: 'True'}]}\n"))
        .isEqualTo(Health.State.HEALTHY);
  }

  @Test
  void loadBalancersWaitForAnAddress() {
    assertThat(state("kind: Service\nspec: {type: LoadBalancer}\n"))
        .isEqualTo(Health.State.PROGRESSING);
    assertThat(state("kind: Service\nspec: {type: ClusterIP}\n")).isEqualTo(Health.State.HEALTHY);
  }

  @Test
  void otherKindsBelieveTheirReadyConditionOrAreHealthy() {
    assertThat(state("kind: ConfigMap\n")).isEqualTo(Health.State.HEALTHY);
    assertThat(state("kind: Certificate\nstatus: {conditions: [{type: Ready, status: 'False'}]}\n"))
        .isEqualTo(Health.State.PROGRESSING);
  }

  private static Health.State state(String yaml) {
    return HealthChecks.of(yaml(yaml)).state();
  }

  private static Map<?, ?> yaml(String text) {
    return (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(text);
  }
}
