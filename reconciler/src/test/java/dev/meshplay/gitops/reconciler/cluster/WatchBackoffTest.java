package dev.meshplay.gitops.reconciler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WatchBackoffTest {
  private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");

  @Test
  void aKindThatNeverFailedMayStart() {
    assertThat(new WatchBackoff().mayStart("v1 ConfigMap", T0)).isTrue();
  }

  @Test
  void aFailedStartWaitsOneSecondThenDoubles() {
    WatchBackoff backoff = new WatchBackoff();

    assertThat(backoff.failed("v1 ConfigMap", T0, Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.mayStart("v1 ConfigMap", T0.plusMillis(999))).isFalse();
    assertThat(backoff.mayStart("v1 ConfigMap", T0.plusSeconds(1))).isTrue();
    assertThat(backoff.failed("v1 ConfigMap", T0, Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.mayStart("v1 Secret", T0)).as("other kinds are not held").isTrue();
  }

  @Test
  void theServersRetryAfterIsAFloor() {
    WatchBackoff backoff = new WatchBackoff();

    assertThat(backoff.failed("v1 ConfigMap", T0, Duration.ofSeconds(5)))
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.mayStart("v1 ConfigMap", T0.plusSeconds(4))).isFalse();
  }

  @Test
  void theWaitStopsGrowingAtAMinuteAndASuccessClearsIt() {
    WatchBackoff backoff = new WatchBackoff();
    Duration wait = Duration.ZERO;
    for (int i = 0; i < 12; i++) {
      wait = backoff.failed("v1 ConfigMap", T0, Duration.ZERO);
    }

    assertThat(wait).isEqualTo(Duration.ofMinutes(1));
    backoff.started("v1 ConfigMap");
    assertThat(backoff.mayStart("v1 ConfigMap", T0)).isTrue();
  }
}
