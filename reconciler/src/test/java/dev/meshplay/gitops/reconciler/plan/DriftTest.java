package dev.meshplay.gitops.reconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftTest {

  @Test
  void fieldsAddedByTheServerAreNotDrift() {
    Map<String, Object> desired = Map.of("spec", Map.of("replicas", 2));
    Map<String, Object> live =
        Map.of(
            "spec", Map.of("replicas", 2L, "progressDeadlineSeconds", 600),
            "status", Map.of("readyReplicas", 0),
            "metadata", Map.of("uid", "x"));

    assertThat(Drift.between(desired, live)).isEmpty();
  }

  @Test
  void aChangedScalarIsReportedByItsPath() {
    Map<String, Object> desired = Map.of("spec", Map.of("replicas", 2));
    Map<String, Object> live = Map.of("spec", Map.of("replicas", 5));

    assertThat(Drift.between(desired, live)).containsExactly(".spec.replicas");
  }

  @Test
  void listItemsAreComparedInOrderAndByLength() {
    Map<String, Object> desired =
        Map.of("spec", Map.of("containers", List.of(Map.of("name", "web", "image", "nginx:1"))));
    Map<String, Object> changedImage =
        Map.of(
            "spec",
            Map.of(
                "containers",
                List.of(Map.of("name", "web", "image", "nginx:2", "imagePullPolicy", "Always"))));
    Map<String, Object> extraContainer =
        Map.of(
            "spec",
            Map.of(
                "containers",
                List.of(Map.of("name", "web", "image", "nginx:1"), Map.of("name", "sidecar"))));

    assertThat(Drift.between(desired, changedImage)).containsExactly(".spec.containers[0].image");
    assertThat(Drift.between(desired, extraContainer)).containsExactly(".spec.containers");
  }

  @Test
  void aMissingFieldIsDriftButAnEmptyOneIsNot() {
    Map<String, Object> desired = Map.of("data", Map.of("a", "1"), "spec", Map.of());

    assertThat(Drift.between(desired, Map.of())).containsExactly(".data");
  }

  @Test
  void desiredStatusIsIgnored() {
    Map<String, Object> desired = Map.of("status", Map.of("phase", "Active"));

    assertThat(Drift.between(desired, Map.of("status", Map.of("phase", "Terminating")))).isEmpty();
  }
}
