package dev.meshplay.gitops.reconciler.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JitterTest {

  @Test
  void waitsStayWithinTenPercentOfTheIntervalAndDoNotAllAgree() {
    SplittableRandom random = new SplittableRandom(42);
    Duration interval = Duration.ofSeconds(30);

    var waits =
        IntStream.range(0, 1000).mapToObj(i -> Jitter.DEFAULT.next(interval, random)).toList();

    assertThat(waits)
        .allSatisfy(w -> assertThat(w).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(33)));
    assertThat(waits.stream().distinct().count()).isGreaterThan(900);
    assertThat(waits.stream().anyMatch(w -> w.compareTo(interval) < 0)).isTrue();
    assertThat(waits.stream().anyMatch(w -> w.compareTo(interval) > 0)).isTrue();
  }

  @Test
  void noJitterKeepsTheInterval() {
    assertThat(new Jitter(0).next(Duration.ofSeconds(5), new SplittableRandom(1)))
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void aFractionOfOneOrMoreIsRefused() {
    assertThatThrownBy(() -> new Jitter(1)).isInstanceOf(IllegalArgumentException.class);
  }
}
