package dev.meshplay.gitops.perf.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.perf.demo.DemoTarget;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against a server that stalls for 600 ms every 2 s, the open loop reports the stall in its
 * percentiles (latency from the intended send time) while service time and a closed loop hide it;
 * the closed loop says it is one.
 */
class CoordinatedOmissionTest {

  private static DemoTarget stalling;

  @BeforeAll
  static void startStallingTarget() throws InterruptedException {
    stalling =
        DemoTarget.start(
            DemoTarget.Settings.loopback()
                .withLatency(Duration.ofMillis(1))
                .withStalls(Duration.ofSeconds(2), Duration.ofMillis(600)));
  }

  @AfterAll
  static void stopTarget() {
    stalling.close();
  }

  @Test
  void openLoopReportsTheStallInItsPercentiles() throws Exception {
    LoadSpec spec = LoadSpec.get(stalling.uri("/"), 4, 200, Duration.ofSeconds(4));

    Measurement m = new NettyLoadGenerator().run(spec, ProgressListener.NONE);

    assertThat(m.model().coordinatedOmissionCorrected()).isTrue();
    // About 30% of the time is stalled: requests intended then waited up to 600 ms.
    assertThat(m.latencies().p90()).isGreaterThan(150.0);
    assertThat(m.latencies().p99()).isGreaterThan(300.0);
    assertThat(m.latencies().max()).isBetween(300.0, 2000.0);
    // Only 4 requests per stall were in flight on the server: service time hides it.
    double serviceP90 = m.serviceTime().orElseThrow().getValueAtPercentile(90) / 1000.0;
    assertThat(serviceP90).isLessThan(m.latencies().p90());
    // The waiting is accounted, and the run says it could not hold the rate.
    assertThat(m.schedule().waitedForConnection()).isPositive();
    assertThat(m.schedule().blocked()).isGreaterThan(Duration.ofMillis(300));
    assertThat(m.schedule().valid()).isFalse();
    assertThat(m.schedule().reason()).contains("connections were busy");
    assertThat(m.actualQps()).isBetween(150.0, 230.0);
  }

  @Test
  void closedLoopIsNotPresentedAsOpenLoopAndHidesTheStall() throws Exception {
    LoadSpec closed = LoadSpec.get(stalling.uri("/"), 4, 0, Duration.ofSeconds(4));

    Measurement m = new NettyLoadGenerator().run(closed, ProgressListener.NONE);

    assertThat(m.model()).isEqualTo(LoadModel.CLOSED_LOOP);
    assertThat(m.model().coordinatedOmissionCorrected()).isFalse();
    assertThat(m.schedule()).isEqualTo(ScheduleHealth.UNSCHEDULED);
    // Hundreds of fast answers per stalled one: the stall vanishes below p90.
    assertThat(m.latencies().p90()).isLessThan(150.0);
    assertThat(m.latencies().max()).isGreaterThan(300.0);
  }
}
