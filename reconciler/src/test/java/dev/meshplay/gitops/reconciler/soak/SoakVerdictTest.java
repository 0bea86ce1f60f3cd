package dev.meshplay.gitops.reconciler.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class SoakVerdictTest {
  private static final long MIB = 1024 * 1024;
  private static final List<Bound> BOUNDS =
      List.of(
          new Bound(Metric.HEAP_AFTER_GC, 1, 8),
          new Bound(Metric.RSS, 4, 48),
          new Bound(Metric.THREADS, 0.2, 3),
          new Bound(Metric.FDS, 0.2, 6),
          Bound.ceiling(Metric.PACKS, 100));

  /** 31 samples a minute apart; the heap at minute i given by the function. */
  private static List<Sample> minutes(IntFunction<Long> heap, IntFunction<Integer> threads) {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i <= 30; i++) {
      // Packs in a sawtooth: one more per minute until a gc at 50 repacks them into one.
      samples.add(
          new Sample(
              i * 60.0, heap.apply(i), 200 * MIB, threads.apply(i), 90 + i % 50, 1 + i % 50));
    }
    return samples;
  }

  @Test
  void aHeapThatSettlesAfterTheWarmUpIsFlat() {
    SoakVerdict verdict =
        SoakVerdict.judge(
            minutes(i -> (i < 5 ? 20L + 3 * i : 35L + (i % 3)) * MIB, i -> i < 2 ? 30 : 42),
            BOUNDS,
            60);

    assertThat(verdict.flat()).as(verdict.describe()).isTrue();
    assertThat(verdict.metrics().getFirst().trend().perMinute()).isCloseTo(0, within(0.1));
  }

  @Test
  void aHeapGrowingTwoMibAMinuteIsCaughtWithItsSlope() {
    SoakVerdict verdict = SoakVerdict.judge(minutes(i -> (40L + 2 * i) * MIB, i -> 42), BOUNDS, 60);

    assertThat(verdict.flat()).isFalse();
    MetricVerdict heap = verdict.metrics().getFirst();
    assertThat(heap.trend().perMinute()).isCloseTo(2, within(1e-9));
    // The floor at minute 15 is minute 14's sample: the lowest within the trailing minute.
    assertThat(heap.trend().first()).isCloseTo(68, within(1e-9));
    assertThat(heap.trend().last()).isCloseTo(98, within(1e-9));
    assertThat(verdict.describe()).contains("heap after GC: GROWING, slope +2.000 MiB/min");
  }

  @Test
  void aThreadLeakedEveryFewMinutesSetsNewHighsAndFails() {
    SoakVerdict verdict = SoakVerdict.judge(minutes(i -> 40 * MIB, i -> 42 + i / 3), BOUNDS, 60);

    assertThat(verdict.flat()).isFalse();
    assertThat(verdict.describe())
        .contains("threads: GROWING")
        .contains("open fds besides packs: flat");
  }

  @Test
  void oneTransientSpikeInTheSecondHalfIsWithinTheNewHighAllowance() {
    SoakVerdict verdict =
        SoakVerdict.judge(minutes(i -> 40 * MIB, i -> i == 25 ? 44 : 42), BOUNDS, 60);

    assertThat(verdict.flat()).as(verdict.describe()).isTrue();
  }

  @Test
  void samplesTakenDuringABenchmarkRunDoNotRaiseTheFloor() {
    SoakVerdict verdict =
        SoakVerdict.judge(
            minutes(i -> (i % 3 == 2 ? 100L : 40L) * MIB, i -> i % 3 == 2 ? 60 : 42), BOUNDS, 60);

    assertThat(verdict.flat()).as(verdict.describe()).isTrue();
  }

  @Test
  void theSamplerWaitsOutEachScheduledRun() {
    BenchmarkWindows windows =
        new BenchmarkWindows(Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofSeconds(8));
    Instant minute = Instant.parse("2026-11-23T05:00:00Z");

    assertThat(windows.untilQuiet(minute.plusSeconds(30))).isZero();
    assertThat(windows.untilQuiet(minute.plusSeconds(3))).isEqualTo(Duration.ofSeconds(5));
    assertThat(windows.untilQuiet(minute.plusSeconds(59))).isEqualTo(Duration.ofSeconds(9));
    assertThat(windows.untilQuiet(minute.plusSeconds(8))).isZero();
    assertThatThrownBy(
            () ->
                new BenchmarkWindows(
                    Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(8)))
        .hasMessageContaining("no quiet moment");
  }

  @Test
  void gitPacksMayRiseAndFallButNotPassTheirCeiling() {
    List<Sample> piling = new ArrayList<>();
    for (int i = 0; i <= 30; i++) {
      // No gc deleting what it superseded: open packs climb to JGit's open-file limit.
      piling.add(new Sample(i * 60.0, 40 * MIB, 200 * MIB, 42, 90 + 4 * i, Math.min(128, 4 * i)));
    }

    SoakVerdict verdict = SoakVerdict.judge(piling, BOUNDS, 600);

    assertThat(verdict.flat()).isFalse();
    assertThat(verdict.describe())
        .contains("open Git packs: GROWING")
        .contains("highest sample 120.0 (ceiling 100.0)")
        .contains("open fds besides packs: flat");
  }

  @Test
  void tooFewSamplesAreRefused() {
    assertThatThrownBy(() -> SoakVerdict.judge(minutes(i -> 1L, i -> 1).subList(0, 3), BOUNDS, 60))
        .hasMessageContaining("four samples");
  }

  @Test
  void theProbeReadsJcmdAndProcFormats() {
    assertThat(
            ProcessProbe.heapUsed(
                "5294:\ngarbage-first heap   total reserved 393216K, committed 10240K, used"
                    + " 2914K [0x00000000e8000000, 0x0000000100000000)\n region size 1024K"))
        .isEqualTo(2914 * 1024);
    String status = "Name:\tjava\nVmPeak:\t 9 kB\nVmRSS:\t   77260 kB\nThreads:\t20\n";
    assertThat(ProcessProbe.statusField(status, "VmRSS")).isEqualTo(77260);
    assertThat(ProcessProbe.statusField(status, "Threads")).isEqualTo(20);
    assertThat(ProcessProbe.kind("socket:[12345]")).isEqualTo("socket");
    assertThat(ProcessProbe.kind("anon_inode:[eventpoll]")).isEqualTo("anon_inode");
    assertThat(ProcessProbe.kind("/s/mirrors/a.git/objects/pack/pack-1f2e.pack"))
        .isEqualTo("/s/mirrors/a.git/objects/pack/*.pack");
    assertThatThrownBy(() -> ProcessProbe.heapUsed("no such thing"))
        .hasMessageContaining("no heap use");
  }

  @Test
  void theChurnStaysWithinItsDesignsAndKnowsWhatIsLive() {
    DesignChurn churn = new DesignChurn(7, 4);
    java.util.Map<String, Integer> model = new java.util.HashMap<>();
    int removed = 0;
    for (int i = 0; i < 200; i++) {
      DesignChurn.Change c = churn.next();
      switch (c.kind()) {
        case ADD -> assertThat(model.put(c.design(), c.version())).isNull();
        case CHANGE -> assertThat(model.put(c.design(), c.version())).isEqualTo(c.version() - 1);
        case REMOVE -> {
          assertThat(model.remove(c.design())).isEqualTo(c.version());
          removed++;
        }
      }
      assertThat(model).hasSizeBetween(1, 4);
    }
    assertThat(churn.live()).isEqualTo(model);
    assertThat(removed).isGreaterThan(20);
  }

  @Test
  void theChartHasAPanelPerMetricAndTheTableALinePerSample() {
    List<Sample> samples = minutes(i -> 40 * MIB, i -> 42);

    assertThat(SampleFiles.tsv(samples).lines())
        .hasSize(32)
        .first()
        .asString()
        .startsWith("seconds");
    assertThat(SampleFiles.svg(samples))
        .startsWith("<svg")
        .contains(
            "heap after GC (MiB", "RSS (MiB", "threads (count", "open fds besides packs (count");
  }
}
