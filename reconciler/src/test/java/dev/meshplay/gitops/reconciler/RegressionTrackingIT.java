package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.perf.demo.DemoTarget;
import dev.meshplay.gitops.perf.history.SeriesFile;
import dev.meshplay.gitops.perf.history.SeriesLine;
import dev.meshplay.gitops.perf.history.SeriesShifts;
import dev.meshplay.gitops.perf.history.Shift;
import dev.meshplay.gitops.perf.regression.ChangePointSettings;
import dev.meshplay.gitops.perf.regression.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tracking end to end: a daemon runs a profile every few seconds against the demo
 * target, whose latency comes from the repository; a commit makes it slower; the daemon commits
 * results, the series, the report, charts and the index back to the branch, and the latest verdict
 * is {@code regressed} with the change point at the first run of that commit.
 */
class RegressionTrackingIT {
  private static final String PROFILE =
      """
      # Closed loop: a loaded test machine cannot make it late, so no run is invalid.
      name: web
      endpoints: [http://127.0.0.1:%d/]
      qps: 0
      concurrentRequest: 1
      duration: 2s
      schedule: "*/3 * * * * *"
      thresholds: ['p99 < 5s']
      baseline: {runs: 10, minRuns: 3, window: 10, minSegment: 3, pValue: 0.01, minChange: 20%%}
      """;
  private static final ChangePointSettings SEARCH = new ChangePointSettings(10, 0.01, 0.2, 3);

  @TempDir Path tmp;
  private Git remote;
  private Git user;
  private TestCluster cluster;
  private DemoTarget target;
  private Daemon daemon;

  @BeforeEach
  void start() throws Exception {
    remote =
        Git.init()
            .setBare(true)
            .setDirectory(tmp.resolve("remote.git").toFile())
            .setInitialBranch("main")
            .call();
    user =
        Git.cloneRepository()
            .setURI(tmp.resolve("remote.git").toUri().toString())
            .setDirectory(tmp.resolve("clone").toFile())
            .call();
    cluster = TestCluster.start();
    target = DemoTarget.start(DemoTarget.Settings.loopback().withLatency(Duration.ofMillis(5)));
  }

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close();
    }
    target.close();
    cluster.close();
    user.close();
    remote.close();
  }

  @Test
  void aSlowerDemoTargetIsCommittedBackAsARegressionWithItsChangePoint() throws Exception {
    push("meshplay.yaml", "spec:\n  demoTarget: {latency: 5ms}\n", "fast target");
    push("benchmarks/web.yaml", PROFILE.formatted(target.port()), "a benchmark");
    daemon =
        TestDaemons.start(
            tmp.resolve("state"),
            tmp.resolve("remote.git"),
            "shop",
            Duration.ofMillis(300),
            cluster.client());
    daemon.onSettings(
        s -> target.setLatency(Optional.ofNullable(s.demoTargetLatency()).orElse(Duration.ZERO)));

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(judged()).hasSizeGreaterThanOrEqualTo(4));

    String slower =
        push("meshplay.yaml", "spec:\n  demoTarget: {latency: 40ms}\n", "slower target");

    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(
            () ->
                assertThat(judged().stream().filter(l -> l.commit().equals(slower)).count())
                    .isGreaterThanOrEqualTo(3));
    List<SeriesLine> series = series();
    SeriesLine last = series.getLast();
    assertThat(last.commit()).isEqualTo(slower);
    assertThat(last.verdict()).isEqualTo(Verdict.Kind.REGRESSED);
    SeriesLine firstSlow =
        series.stream()
            .filter(l -> l.commit().equals(slower) && l.measured())
            .findFirst()
            .orElseThrow();
    List<Shift> shifts = SeriesShifts.of(series, SEARCH);
    assertThat(shifts)
        .filteredOn(s -> s.metric().equals("p50"))
        .extracting(s -> s.first().time())
        .contains(firstSlow.time());
    String report = file("results/web/REPORT.md").orElseThrow();
    assertThat(report)
        .contains("## Latest run: **regressed**", "p50 +", "], 95%", slower.substring(0, 7));
    assertThat(file("results/web/latency.svg").orElseThrow())
        .startsWith("<svg")
        .contains(">change<");
    assertThat(file("results/web/throughput.svg")).isPresent();
    assertThat(file("results/README.md").orElseThrow())
        .contains("[web](web/REPORT.md)", "**regressed**");
    assertThat(file("results/web/" + last.result()).orElseThrow())
        .contains("verdict: regressed", "response_time_intervals");
    assertThePageShowsTheVerdictAndCharts();
  }

  private void assertThePageShowsTheVerdictAndCharts() {
    StatusClient page = new StatusClient(daemon.port());
    var profile =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(page.get("/api/v1/benchmarks").body())
            .path("profiles")
            .path(0);
    assertThat(profile.path("verdict").path("kind").asString()).isEqualTo("regressed");
    assertThat(profile.path("verdict").path("effects").path(0).path("metric").asString())
        .isEqualTo("p50");
    String chart = profile.path("verdict").path("charts").path("latency.svg").asString();
    var svg = page.get(chart);
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
    assertThat(svg.body()).startsWith("<svg");
    assertThat(page.get("/benchmarks").body())
        .contains("regressed", "<img alt=\"web latency.svg\"");
    assertThat(page.get("/metrics").body())
        .contains(
            "meshplay_gitops_benchmark_verdict{profile=\""
                + profile.path("id").asString()
                + "\",source=\"shop\",verdict=\"regressed\"} 1.0");
  }

  /** The measured runs so far, read from the branch as a user would after a pull. */
  private List<SeriesLine> judged() throws IOException {
    return series().stream().filter(SeriesLine::measured).toList();
  }

  private List<SeriesLine> series() throws IOException {
    return file("results/web/series.tsv")
        .map(t -> SeriesFile.read("series.tsv", t))
        .orElse(List.of());
  }

  private Optional<String> file(String path) throws IOException {
    Repository repository = remote.getRepository();
    ObjectId tip = repository.resolve("refs/heads/main");
    if (tip == null) {
      return Optional.empty();
    }
    try (RevWalk walk = new RevWalk(repository);
        TreeWalk tree = TreeWalk.forPath(repository, path, walk.parseCommit(tip).getTree())) {
      if (tree == null) {
        return Optional.empty();
      }
      return Optional.of(
          new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Commits one file in the user's clone, pulling the daemon's commits first, and pushes it. */
  private String push(String path, String content, String message) throws Exception {
    Path file = tmp.resolve("clone").resolve(path);
    Files.createDirectories(file.getParent());
    // The daemon may push between pull and push: pull and push again, as a user would.
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              if (remote.getRepository().resolve("refs/heads/main") != null) {
                user.pull().setRemoteBranchName("main").setRebase(true).call();
              }
              Files.writeString(file, content);
              user.add().addFilepattern(path).call();
              if (!user.status().call().isClean()) {
                user.commit()
                    .setMessage(message)
                    .setAuthor("Ada", "ada@example.com")
                    .setSign(false)
                    .call();
              }
              var results =
                  user.push()
                      .setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/main"))
                      .call();
              for (var r : results) {
                for (var u : r.getRemoteUpdates()) {
                  if (u.getStatus() != org.eclipse.jgit.transport.RemoteRefUpdate.Status.OK
                      && u.getStatus()
                          != org.eclipse.jgit.transport.RemoteRefUpdate.Status.UP_TO_DATE) {
                    throw new IllegalStateException("push " + u.getStatus());
                  }
                }
              }
              return true;
            });
    return user.getRepository().resolve("HEAD").name();
  }
}
