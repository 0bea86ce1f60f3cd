package dev.meshplay.gitops.reconciler.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a source waits after failed polls. */
class RetryBackoffTest {

  @Test
  void startsAtTheIntervalAndDoublesPerFailedPoll() {
    var backoff = SourceLoop.retryBackoff(Duration.ofSeconds(30));

    assertThat(backoff.nominal(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.nominal(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(backoff.nominal(4)).isEqualTo(Duration.ofMinutes(4));
  }

  @Test
  void stopsGrowingAtFiveMinutes() {
    assertThat(SourceLoop.retryBackoff(Duration.ofSeconds(30)).nominal(40))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void anIntervalLongerThanTheCapIsKeptAsIs() {
    var backoff = SourceLoop.retryBackoff(Duration.ofMinutes(10));

    assertThat(backoff.nominal(1)).isEqualTo(Duration.ofMinutes(10));
    assertThat(backoff.nominal(5)).isEqualTo(Duration.ofMinutes(10));
  }
}
