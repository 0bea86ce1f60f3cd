package dev.meshplay.gitops.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshplay.gitops.perf.demo.DemoTarget;
import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.load.LoadModel;
import dev.meshplay.gitops.perf.load.ProgressListener;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.profile.ProfileReader;
import dev.meshplay.gitops.perf.profile.ProfileReading;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import dev.meshplay.gitops.perf.result.SummaryTable;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A profile file runs end to end against the demo target and its thresholds are judged. */
class BenchmarksTest {

  private static BenchmarkProfile profile(String yaml) {
    return ((ProfileReading.Accepted) new ProfileReader().read("benchmarks/t.yaml", yaml))
        .profile();
  }

  @Test
  void runsAProfileAgainstTheDemoTargetAndJudgesItsThresholds() throws Exception {
    try (DemoTarget target =
        DemoTarget.start(DemoTarget.Settings.loopback().withLatency(Duration.ofMillis(20)))) {
      BenchmarkProfile p =
          profile(
              """
              name: demo
              endpoints: [%s]
              concurrentRequest: 4
              qps: 100
              duration: 2s
              warmup: 500ms
              thresholds: ['p50 > 15ms', 'p99 < 5s', 'errorRate < 1%%', 'rps > 1000']
              """
                  .formatted(target.uri("/healthz")));

      BenchmarkResult r = Benchmarks.standard().run(p, ProgressListener.NONE);

      assertThat(r.loadGenerator()).isEqualTo("builtin");
      assertThat(r.loadModel()).isEqualTo(LoadModel.OPEN_LOOP);
      assertThat(r.actualQps()).isBetween(80.0, 120.0);
      assertThat(r.latencies().p50()).isBetween(15.0, 1000.0);
      assertThat(r.thresholds()).extracting(t -> t.pass()).containsExactly(true, true, true, false);
      assertThat(r.passed()).isFalse();
      assertThat(r.testId()).isEqualTo(p.id());
      assertThat(r.labels()).containsEntry("target", target.uri("/healthz").toString());
      assertThat(SummaryTable.render(r)).contains("FAIL", "rps > 1000", "open_loop");
    }
  }

  @Test
  void anUnknownGeneratorIsAClearError() {
    Benchmarks none = new Benchmarks(List.of(), dev.meshplay.gitops.perf.result.Environment::local);
    BenchmarkProfile p = profile("name: x\nendpoints: [http://127.0.0.1:9/]\n");

    assertThatThrownBy(() -> none.run(p, ProgressListener.NONE))
        .isInstanceOf(LoadGeneratorException.class)
        .hasMessageContaining("no load generator named 'builtin'");
  }
}
