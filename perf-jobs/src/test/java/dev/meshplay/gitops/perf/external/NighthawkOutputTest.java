package dev.meshplay.gitops.perf.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.load.LoadModel;
import dev.meshplay.gitops.perf.load.LoadSpec;
import dev.meshplay.gitops.perf.load.Measurement;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Nighthawk's JSON output maps into the same measurement as the other generators. */
class NighthawkOutputTest {
  private static final LoadSpec SPEC =
      LoadSpec.get(URI.create("http://127.0.0.1:8080/"), 4, 200, Duration.ofSeconds(2));

  private static String output() throws IOException {
    try (InputStream in = NighthawkOutputTest.class.getResourceAsStream("/nighthawk/output.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void latenciesComeFromTheGlobalRequestToResponseStatistic() throws Exception {
    Measurement m = NighthawkOutput.parse(output(), SPEC, Instant.EPOCH, "nighthawk_client ...");

    assertThat(m.generator()).isEqualTo("nighthawk");
    assertThat(m.model()).isEqualTo(LoadModel.THROTTLED_CLOSED_LOOP);
    assertThat(m.latencies().min()).isCloseTo(0.41, within(1e-9));
    assertThat(m.latencies().average()).isCloseTo(1.4, within(1e-9));
    assertThat(m.latencies().p50()).isCloseTo(1.205, within(1e-9));
    assertThat(m.latencies().p90()).isCloseTo(2.01, within(1e-9));
    assertThat(m.latencies().p99()).isCloseTo(9.87, within(1e-9));
    assertThat(m.latencies().p999()).isCloseTo(15.2, within(1e-9));
    assertThat(m.latencies().max()).isCloseTo(15.2, within(1e-9));
    assertThat(m.start()).isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
    assertThat(m.measured()).isEqualTo(Duration.ofMillis(2000).plusNanos(100_000));
  }

  @Test
  void failuresAndStatusClassesAreCountedAsRequests() throws Exception {
    Measurement m = NighthawkOutput.parse(output(), SPEC, Instant.EPOCH, "nighthawk_client ...");

    assertThat(m.errors().connect()).isEqualTo(2);
    assertThat(m.errors().status()).containsExactlyEntriesOf(java.util.Map.of(0, 6L));
    assertThat(m.requests()).isEqualTo(398);
    assertThat(m.actualQps()).isCloseTo(398 / 2.0001, within(1e-6));
  }

  @Test
  void blockedSequencerTicksCountAsLateSlots() throws Exception {
    Measurement m = NighthawkOutput.parse(output(), SPEC, Instant.EPOCH, "nighthawk_client ...");

    assertThat(m.schedule().slots()).isEqualTo(400);
    assertThat(m.schedule().lateSlots()).isEqualTo(4);
    assertThat(m.schedule().waitedForConnection()).isEqualTo(3);
    assertThat(m.schedule().blocked()).isEqualTo(Duration.ofMillis(10));
    assertThat(m.schedule().valid()).isTrue();

    Measurement strict =
        NighthawkOutput.parse(
            output(), SPEC.withMaxLateFraction(0.001), Instant.EPOCH, "nighthawk_client ...");
    assertThat(strict.schedule().valid()).isFalse();
    assertThat(strict.schedule().reason()).contains("4 of 400 scheduled requests");
  }

  @Test
  void garbageAndMissingStatisticsAreClearErrors() {
    assertThatThrownBy(() -> NighthawkOutput.parse("segfault", SPEC, Instant.EPOCH, "x"))
        .isInstanceOf(LoadGeneratorException.class)
        .hasMessageContaining("nighthawk printed no JSON result");
    assertThatThrownBy(
            () ->
                NighthawkOutput.parse(
                    "{\"results\":[{\"name\":\"global\",\"statistics\":[]}]}",
                    SPEC,
                    Instant.EPOCH,
                    "x"))
        .isInstanceOf(LoadGeneratorException.class)
        .hasMessageContaining("no benchmark_http_client.request_to_response statistic");
  }

  @Test
  void theCommandLineCarriesRateConnectionsHeadersAndDuration() {
    var command =
        NighthawkGenerator.command(
            Path.of("/usr/bin/nighthawk_client"), SPEC, Duration.ofSeconds(2));

    assertThat(String.join(" ", command))
        .startsWith("/usr/bin/nighthawk_client --output-format json --rps 200 --connections 4")
        .contains("--duration 2")
        .endsWith("http://127.0.0.1:8080/");
  }
}
