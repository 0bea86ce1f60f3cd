package dev.meshplay.gitops.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60));

  @Test
  void nominalDelayDoublesPerFailureUpToTheCap() {
    assertThat(backoff.nominal(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.nominal(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.nominal(5)).isEqualTo(Duration.ofSeconds(32));
    assertThat(backoff.nominal(6)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.nominal(1_000)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void jitterSpreadsTheDelayOverTheUpperHalf() {
    assertThat(backoff.delay(3, 0.0)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.delay(3, 0.5)).isEqualTo(Duration.ofSeconds(6));
    assertThat(backoff.delay(3, 0.999_999)).isLessThan(Duration.ofSeconds(8));
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 1_000; i++) {
      assertThat(backoff.delay(20, random))
          .isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
    }
  }

  @Test
  void nextPollIsTheIntervalAfterSuccessAndTheBackoffAfterFailures() {
    SplittableRandom random = new SplittableRandom(1);
    assertThat(backoff.nextPoll(Duration.ofSeconds(30), 0, random))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.nextPoll(Duration.ofSeconds(30), 1, random))
        .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void invalidSettingsAreRejected() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .hasMessageContaining("0 < base <= max");
    assertThatThrownBy(() -> backoff.nominal(0)).hasMessageContaining("at least 1");
  }
}
