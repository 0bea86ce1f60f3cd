package dev.meshplay.gitops.perf.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshplay.gitops.perf.demo.DemoTarget;
import dev.meshplay.gitops.perf.load.LoadGenerator;
import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.load.LoadModel;
import dev.meshplay.gitops.perf.load.LoadSpec;
import dev.meshplay.gitops.perf.load.Measurement;
import dev.meshplay.gitops.perf.load.ProgressListener;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** External generators map their output into the same measurement, or say how to install them. */
class ExternalGeneratorTest {

  private static DemoTarget target;

  @BeforeAll
  static void startTarget() throws InterruptedException {
    target = DemoTarget.start(DemoTarget.Settings.loopback().withLatency(Duration.ofMillis(1)));
  }

  @AfterAll
  static void stopTarget() {
    target.close();
  }

  @Test
  void wrkResultsAreReadFromItsScriptOutput() throws Exception {
    assumeTrue(ProcessRunner.find("wrk").isPresent(), "wrk is not installed");
    LoadSpec spec = LoadSpec.get(target.uri("/status/503"), 2, 0, Duration.ofSeconds(1));

    Measurement m = WrkGenerator.wrk().run(spec, ProgressListener.NONE);

    assertThat(m.model()).isEqualTo(LoadModel.CLOSED_LOOP);
    assertThat(m.requests()).isPositive();
    assertThat(m.errors().status()).containsEntry(0, m.requests());
    assertThat(m.latencies().p50()).isBetween(0.5, 1000.0);
    assertThat(m.latencies().p999()).isGreaterThanOrEqualTo(m.latencies().p99());
    assertThat(m.options().get("command")).contains("-c 2", "-s ");
  }

  @Test
  void heyResultsAreReadFromItsSummary() throws Exception {
    assumeTrue(ProcessRunner.find("hey").isPresent(), "hey is not installed");
    LoadSpec spec = LoadSpec.get(target.uri("/"), 2, 100, Duration.ofSeconds(1));

    Measurement m = new HeyGenerator().run(spec, ProgressListener.NONE);

    assertThat(m.model()).isEqualTo(LoadModel.THROTTLED_CLOSED_LOOP);
    assertThat(m.model().coordinatedOmissionCorrected()).isFalse();
    assertThat(m.requests()).isBetween(50L, 150L);
    assertThat(m.errors().total()).isZero();
    assertThat(m.latencies().p999()).isNaN();
  }

  @Test
  void heyClassifiesRefusedConnections() {
    String summary =
        """
        Summary:
          Total:\t1.0012 secs
          Slowest:\t0.0020 secs
          Fastest:\t0.0001 secs
          Average:\t0.0005 secs
          Requests/sec:\t12.0000

        Latency distribution:
          50%% in 0.0004 secs
          90%% in 0.0010 secs
          99%% in 0.0020 secs

        Status code distribution:
          [200]\t10 responses
          [500]\t2 responses

        Error distribution:
          [3]\tGet "http://127.0.0.1:1/": dial tcp 127.0.0.1:1: connect: connection refused
          [1]\tGet "http://127.0.0.1:1/": context deadline exceeded (Client.Timeout exceeded)
        """
            .formatted();
    LoadSpec spec = LoadSpec.get(target.uri("/"), 2, 0, Duration.ofSeconds(1));

    Measurement m = HeyGenerator.parse(summary, spec, Instant.EPOCH, "hey");

    assertThat(m.requests()).isEqualTo(16);
    assertThat(m.errors().connect()).isEqualTo(3);
    assertThat(m.errors().timeout()).isEqualTo(1);
    assertThat(m.errors().status()).containsEntry(500, 2L);
    assertThat(m.latencies().p90()).isEqualTo(1.0);
  }

  @Test
  void fortioJsonIsMappedIntoTheMeasurement() throws Exception {
    String json =
        """
        {"RunType":"HTTP","ActualQPS":99.5,"ActualDuration":2000000000,
         "DurationHistogram":{"Count":199,"Min":0.0004,"Max":0.05,"Avg":0.002,
           "Percentiles":[{"Percentile":50,"Value":0.0015},{"Percentile":90,"Value":0.003},
                          {"Percentile":99,"Value":0.02},{"Percentile":99.9,"Value":0.049}]},
         "RetCodes":{"200":190,"503":5,"-1":4}}
        """;
    LoadSpec spec = LoadSpec.get(target.uri("/"), 2, 100, Duration.ofSeconds(2));

    Measurement m = FortioGenerator.parse(json, spec, Instant.EPOCH, "fortio load");

    assertThat(m.requests()).isEqualTo(199);
    assertThat(m.actualQps()).isEqualTo(99.5);
    assertThat(m.latencies().p99()).isEqualTo(20.0);
    assertThat(m.latencies().p999()).isEqualTo(49.0);
    assertThat(m.errors().status()).containsEntry(503, 5L);
    assertThat(m.errors().io()).isEqualTo(4);
    assertThat(m.model()).isEqualTo(LoadModel.THROTTLED_CLOSED_LOOP);
  }

  @Test
  void aMissingBinaryIsAnErrorNamingTheGeneratorAndHowToInstallIt() {
    for (LoadGenerator g : ExternalGenerators.all()) {
      String binary = g.name().equals("nighthawk") ? "nighthawk_client" : g.name();
      if (ProcessRunner.find(binary).isPresent()) {
        continue;
      }
      LoadSpec spec =
          LoadSpec.get(target.uri("/"), 1, g.name().equals("wrk2") ? 10 : 0, Duration.ofSeconds(1));
      assertThatThrownBy(() -> g.run(spec, ProgressListener.NONE))
          .isInstanceOf(LoadGeneratorException.class)
          .hasMessageContaining("'" + g.name() + "'")
          .hasMessageContaining("not on PATH")
          .hasMessageMatching("(?s).*(install|build).*");
    }
  }

  @Test
  void wrkRefusesAPacedProfileAndWrk2AnUnpacedOne() {
    LoadSpec paced = LoadSpec.get(target.uri("/"), 1, 10, Duration.ofSeconds(1));
    LoadSpec unpaced = LoadSpec.get(target.uri("/"), 1, 0, Duration.ofSeconds(1));
    assertThatThrownBy(() -> WrkGenerator.wrk().run(paced, ProgressListener.NONE))
        .hasMessageContaining("wrk cannot pace");
    assertThatThrownBy(() -> WrkGenerator.wrk2().run(unpaced, ProgressListener.NONE))
        .hasMessageContaining("wrk2 needs a rate");
  }
}
