package dev.meshplay.gitops.reconciler.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

  @Test
  void secondsAreReadAsAWait() {
    assertThat(RetryAfter.parse("2", NOW)).contains(Duration.ofSeconds(2));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
  }

  @Test
  void anHttpDateIsAWaitUntilThen() {
    assertThat(RetryAfter.parse("Mon, 23 Nov 2026 06:00:05 GMT", NOW))
        .contains(Duration.ofSeconds(5));
    assertThat(RetryAfter.parse("Mon, 23 Nov 2026 05:59:00 GMT", NOW))
        .as("a date in the past: retry at once")
        .contains(Duration.ZERO);
  }

  @Test
  void aLongAskIsCappedAtAMinute() {
    assertThat(RetryAfter.parse("86400", NOW)).contains(RetryAfter.LONGEST);
  }

  @Test
  void aMissingOrUnreadableHeaderAsksNothing() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
  }
}
