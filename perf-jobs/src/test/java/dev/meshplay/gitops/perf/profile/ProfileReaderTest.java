package dev.meshplay.gitops.perf.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both dialects and our keys are read; every problem is reported at its line. */
class ProfileReaderTest {

  private final ProfileReader reader = new ProfileReader();

  private BenchmarkProfile accepted(String yaml) {
    ProfileReading reading = reader.read("benchmarks/x.yaml", yaml);
    assertThat(reading)
        .as(reading.diagnostics().toString())
        .isInstanceOf(ProfileReading.Accepted.class);
    return ((ProfileReading.Accepted) reading).profile();
  }

  private ProfileReading.Rejected rejected(String yaml) {
    ProfileReading reading = reader.read("benchmarks/x.yaml", yaml);
    assertThat(reading).isInstanceOf(ProfileReading.Rejected.class);
    return (ProfileReading.Rejected) reading;
  }

  @Test
  void readsTheExampleRepositoryProfile() {
    Path example = Path.of("../examples-repo/benchmarks/webapp-latency.yaml");
    ProfileReading reading = reader.read(example);

    assertThat(reading.diagnostics()).isEmpty();
    BenchmarkProfile p = ((ProfileReading.Accepted) reading).profile();
    assertThat(p.name()).isEqualTo("webapp-latency");
    assertThat(p.dialect()).isEqualTo(Dialect.MESHERY);
    assertThat(p.loadGenerator()).isEqualTo("builtin");
    assertThat(p.endpoints()).containsExactly(URI.create("http://127.0.0.1:18080/"));
    assertThat(p.connections()).isEqualTo(4);
    assertThat(p.qps()).isEqualTo(100);
    assertThat(p.duration()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.warmup()).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.headers())
        .containsEntry("User-Agent", "meshplay-bench/1.0")
        .containsEntry("Accept", "application/json");
    assertThat(p.schedule()).map(CronSchedule::quartzExpression).contains("0 */5 * * * ?");
    assertThat(p.thresholds())
        .extracting(Threshold::text)
        .containsExactly("p99 < 250ms", "errorRate < 1%", "rps > 90");
    assertThat(p.target()).isEqualTo(new Target.Url(URI.create("http://127.0.0.1:18080/")));
    assertThat(p.method()).isEqualTo("GET");
    assertThat(p.id()).isNotBlank();
  }

  @Test
  void readsOlderSnakeCaseMesheryNames() {
    BenchmarkProfile p =
        accepted(
            """
            name: old
            endpoints: [http://svc:9000/api]
            load_generators: [wrk2]
            concurrent_request: 8
            qps: 50
            duration: 1m30s
            request_headers: {X-A: b}
            request_cookies: '{"session": "s1"}'
            request_body: '{"k": 1}'
            content_type: application/json
            service_mesh: istio
            """);
    assertThat(p.loadGenerator()).isEqualTo("wrk2");
    assertThat(p.connections()).isEqualTo(8);
    assertThat(p.duration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(p.headers()).isEqualTo(Map.of("X-A", "b"));
    assertThat(p.cookies()).isEqualTo(Map.of("session", "s1"));
    assertThat(p.method()).isEqualTo("POST");
    assertThat(p.contentType()).isEqualTo("application/json");
    assertThat(p.labels()).containsEntry("mesh", "istio");
  }

  @Test
  void readsAnSmpTestConfigFlatOrUnderTest() {
    String client =
        """
          clients:
            - internal: false
              load_generator: fortio
              protocol: 1
              connections: 2
              rps: 10
              headers: {}
              cookies: {}
              body: ''
              content_type: ''
              endpoint_urls: ['https://smp-spec.io']
          duration: 60s
        """;
    BenchmarkProfile wrapped =
        accepted(
            "test:\n  smp_version: v0.0.1\n  name: Load Test\n  labels: {}\n"
                + client
                + "mesh:\n  type: 3\n");
    BenchmarkProfile flat =
        accepted(
            "smp_version: v0.0.1\nname: Load Test\n"
                + client.replace("\n  ", "\n").strip()
                + "\nthresholds: ['p90 < 1s']\n");

    for (BenchmarkProfile p : new BenchmarkProfile[] {wrapped, flat}) {
      assertThat(p.dialect()).isEqualTo(Dialect.SMP);
      assertThat(p.loadGenerator()).isEqualTo("fortio");
      assertThat(p.connections()).isEqualTo(2);
      assertThat(p.qps()).isEqualTo(10);
      assertThat(p.endpoints()).containsExactly(URI.create("https://smp-spec.io"));
      assertThat(p.duration()).isEqualTo(Duration.ofSeconds(60));
    }
    assertThat(flat.thresholds()).singleElement().extracting(Threshold::limit).isEqualTo(1000.0);
  }

  @Test
  void reportsEachProblemAtItsLine() {
    ProfileReading.Rejected r =
        rejected(
            """
            name: broken
            endpoints:
              - http://ok/
              - not a url
            loadGenerators: [jmeter]
            concurrentRequest: lots
            duration: 30 seconds
            requestHeaders: '{"a": '
            schedule: "0 2 * *"
            thresholds:
              - p99 < 250
              - p99 < 250ms
            """);

    assertThat(r.diagnostics())
        .extracting(Diagnostic::toString)
        .anySatisfy(
            d -> assertThat(d).startsWith("benchmarks/x.yaml:4: error: endpoint 'not a url'"))
        .anySatisfy(
            d ->
                assertThat(d)
                    .startsWith(
                        "benchmarks/x.yaml:5: error: loadGenerators: unknown load generator 'jmeter'"))
        .anySatisfy(
            d ->
                assertThat(d)
                    .startsWith("benchmarks/x.yaml:6: error: concurrentRequest must be a number"))
        .anySatisfy(d -> assertThat(d).startsWith("benchmarks/x.yaml:7: error: duration:"))
        .anySatisfy(
            d ->
                assertThat(d)
                    .startsWith("benchmarks/x.yaml:8: error: requestHeaders is not valid JSON"))
        .anySatisfy(
            d ->
                assertThat(d)
                    .startsWith(
                        "benchmarks/x.yaml:9: error: schedule '0 2 * *' must have 5 fields"))
        .anySatisfy(
            d -> assertThat(d).startsWith("benchmarks/x.yaml:11: error: latency threshold"));
    assertThat(r.diagnostics()).hasSize(7);
  }

  @Test
  void rejectsInvalidYamlAtItsLineAndAFileWithoutEndpoints() {
    assertThat(rejected("name: a\nendpoints: [\n  x: y\n").diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.line()).isGreaterThan(1));
    assertThat(rejected("name: a\nqps: 5\n").diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("no endpoint: list the URLs to load under endpoints, or name a target");
  }

  @Test
  void rejectsDuplicateKeysAZeroDurationAndAZeroCronStepAtTheirLines() {
    assertThat(rejected("name: a\nendpoints: [http://a/]\nqps: 10\nqps: 20\n").diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly("benchmarks/x.yaml:4: error: duplicate key 'qps' (first at line 3)");
    assertThat(rejected("name: a\nendpoints: [http://a/]\nduration: 0s\n").diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly("benchmarks/x.yaml:3: error: duration must be longer than 0");
    assertThat(rejected("name: a\nendpoints: [http://a/]\nschedule: '*/0 * * * *'\n").diagnostics())
        .extracting(Diagnostic::message)
        .singleElement()
        .asString()
        .contains("has a step of 0");
  }

  @Test
  void takesTheEndpointFromAUrlTargetAndReadsAServiceTarget() {
    BenchmarkProfile url = accepted("name: t\ntarget: http://127.0.0.1:9/x\n");
    assertThat(url.endpoints()).containsExactly(URI.create("http://127.0.0.1:9/x"));

    BenchmarkProfile svc =
        accepted(
            "name: s\nendpoints: [http://localhost:8080/]\ntarget:\n  service: webapp\n"
                + "  namespace: shop\n  port: 8080\n");
    assertThat(svc.target()).isEqualTo(new Target.Service("shop", "webapp", 8080, "/", ""));
    assertThat(((Target.Service) svc.target()).clusterUri())
        .isEqualTo(URI.create("http://webapp.shop.svc:8080/"));

    BenchmarkProfile serviceOnly =
        accepted("name: s\ntarget: {service: api, namespace: shop, port: 9090, path: /v1}\n");
    assertThat(serviceOnly.endpoints()).containsExactly(URI.create("http://api.shop.svc:9090/v1"));
  }

  @Test
  void readsTheCanaryKeyAndReportsABadValueAtItsLine() {
    assertThat(accepted("name: c\ntarget: http://127.0.0.1:9/\ncanary: true\n").canary()).isTrue();
    assertThat(accepted("name: c\ntarget: http://127.0.0.1:9/\ncanary: false\n").canary())
        .isFalse();
    assertThat(accepted("name: p\ntarget: http://127.0.0.1:9/\n").canary()).isFalse();
    assertThat(rejected("name: c\ntarget: http://127.0.0.1:9/\ncanary: maybe\n").diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly("benchmarks/x.yaml:3: error: canary must be true or false, not 'maybe'");
  }

  @Test
  void readsTheCanaryWindowOfTheBaselineKey() {
    assertThat(accepted("name: p\ntarget: http://a/\n").regression().canaryWindow())
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(
            accepted("name: p\ntarget: http://a/\nbaseline:\n  canaryWindow: 30m\n")
                .regression()
                .canaryWindow())
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(
            rejected("name: p\ntarget: http://a/\nbaseline:\n  canaryWindow: soon\n").diagnostics())
        .extracting(Diagnostic::toString)
        .singleElement()
        .satisfies(d -> assertThat(d).startsWith("benchmarks/x.yaml:4: error: canaryWindow:"));
  }

  @Test
  void warnsAboutAMesheryScheduleIdAndExtraGenerators() {
    ProfileReading reading =
        reader.read(
            "b.yaml",
            "name: m\nendpoints: [http://a/]\nloadGenerators: [fortio, wrk2]\n"
                + "schedule: 0b1e6ba4-5e42-4d1c-9a37-8f0a8c0d2e11\n");
    assertThat(reading).isInstanceOf(ProfileReading.Accepted.class);
    assertThat(reading.diagnostics()).extracting(Diagnostic::line).containsExactly(3, 4);
    assertThat(((ProfileReading.Accepted) reading).profile().schedule()).isEmpty();
  }

  @Test
  void readsEveryBenchmarkFileOfARepository(@TempDir Path repo) throws Exception {
    Files.createDirectories(repo.resolve("benchmarks"));
    Files.writeString(repo.resolve("benchmarks/a.yaml"), "name: a\nendpoints: [http://a/]\n");
    Files.writeString(repo.resolve("benchmarks/b.yml"), "name: b\n");
    Files.writeString(repo.resolve("benchmarks/notes.md"), "# not a profile");

    assertThat(reader.readRepository(repo))
        .extracting(r -> r.getClass().getSimpleName())
        .containsExactly("Accepted", "Rejected");
    assertThat(reader.readRepository(repo).get(1).diagnostics().get(0).file())
        .isEqualTo("benchmarks/b.yml");
  }
}
