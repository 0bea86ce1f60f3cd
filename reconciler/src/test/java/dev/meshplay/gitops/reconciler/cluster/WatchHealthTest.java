package dev.meshplay.gitops.reconciler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WatchHealthTest {
  private static final String CONFIG_MAPS = "v1 ConfigMap";

  @Test
  void aWatchStillStartingIsNotADrop() {
    WatchHealth health = new WatchHealth();

    assertThat(health.toRelist(Map.of(CONFIG_MAPS, false))).isEmpty();
    assertThat(health.interrupted(CONFIG_MAPS)).isFalse();
  }

  @Test
  void aDroppedWatchIsDistrustedUntilItIsBackAndRelisted() {
    WatchHealth health = new WatchHealth();
    health.toRelist(Map.of(CONFIG_MAPS, true));

    assertThat(health.toRelist(Map.of(CONFIG_MAPS, false))).isEmpty();
    assertThat(health.interrupted(CONFIG_MAPS)).isTrue();
    assertThat(health.toRelist(Map.of(CONFIG_MAPS, true))).containsExactly(CONFIG_MAPS);
    assertThat(health.interrupted(CONFIG_MAPS)).as("until relisted").isTrue();

    health.relisted(CONFIG_MAPS);
    assertThat(health.interrupted(CONFIG_MAPS)).isFalse();
    assertThat(health.toRelist(Map.of(CONFIG_MAPS, false)))
        .as("the fresh informer still starting")
        .isEmpty();
    assertThat(health.interrupted(CONFIG_MAPS)).isFalse();
  }

  @Test
  void aWatchThatStaysUpIsNeverRelisted() {
    WatchHealth health = new WatchHealth();

    for (int i = 0; i < 5; i++) {
      assertThat(health.toRelist(Map.of(CONFIG_MAPS, true))).isEmpty();
    }
    assertThat(health.interrupted(CONFIG_MAPS)).isFalse();
  }
}
