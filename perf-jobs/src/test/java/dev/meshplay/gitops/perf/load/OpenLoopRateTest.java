package dev.meshplay.gitops.perf.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.meshplay.gitops.perf.demo.DemoTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The open loop sends at the requested rate, measures only after the warm-up, and says so. */
class OpenLoopRateTest {

  private DemoTarget target;

  @BeforeEach
  void startTarget() throws InterruptedException {
    target = DemoTarget.start(DemoTarget.Settings.loopback().withLatency(Duration.ofMillis(2)));
  }

  @AfterEach
  void stopTarget() {
    target.close();
  }

  @Test
  void holdsTheRequestedRateAndExcludesTheWarmup() throws Exception {
    LoadSpec spec =
        LoadSpec.get(target.uri("/healthz"), 16, 400, Duration.ofSeconds(3))
            .withWarmup(Duration.ofMillis(1500))
            // Generous: other builds share this machine's two cores.
            .withLateTolerance(Duration.ofMillis(50));
    List<Progress> progress = new ArrayList<>();

    Measurement m = new NettyLoadGenerator().run(spec, progress::add);

    assertThat(m.model()).isEqualTo(LoadModel.OPEN_LOOP);
    assertThat(m.model().coordinatedOmissionCorrected()).isTrue();
    assertThat(m.actualQps()).isCloseTo(400, within(40.0));
    assertThat(m.requests()).isCloseTo(1200L, within(60L));
    // The target saw the warm-up too, the measurement did not.
    assertThat(target.requests()).isCloseTo(1800L, within(90L));
    assertThat(m.errors().total()).isZero();
    assertThat(m.schedule().valid()).as(m.schedule().toString()).isTrue();
    assertThat(m.schedule().slots()).isCloseTo(1200L, within(5L));
    assertThat(m.latencies().p50()).isBetween(1.5, 500.0);
    assertThat(m.responseTime()).get().extracting(h -> h.getTotalCount()).isEqualTo(m.requests());
    assertThat(m.measured()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(0).phase()).isEqualTo(Progress.Phase.WARMUP);
  }

  @Test
  void spreadsOneScheduleOverSeveralThreadsAndEndpoints() throws Exception {
    LoadSpec base = LoadSpec.get(target.uri("/a"), 6, 300, Duration.ofSeconds(2));
    LoadSpec spec =
        new LoadSpec(
                List.of(target.uri("/a"), target.uri("/b?x=1")),
                "GET",
                java.util.Map.of("X-Test", "1"),
                java.util.Map.of("session", "s1"),
                "",
                "",
                base.connections(),
                base.qps(),
                base.duration(),
                Duration.ZERO,
                base.timeout(),
                2,
                base.lateTolerance(),
                base.maxLateFraction(),
                "")
            .withThreads(2);

    Measurement m = new NettyLoadGenerator().run(spec, ProgressListener.NONE);

    assertThat(m.actualQps()).isCloseTo(300, within(30.0));
    assertThat(m.options()).containsEntry("threads", "2");
    assertThat(m.errors().total()).isZero();
  }
}
