package dev.meshplay.gitops.reconciler.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.git.Backoff;
import dev.meshplay.gitops.git.CommitBack;
import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.SourceMirror;
import dev.meshplay.gitops.perf.load.ErrorCounts;
import dev.meshplay.gitops.perf.load.Latencies;
import dev.meshplay.gitops.perf.load.LoadModel;
import dev.meshplay.gitops.perf.load.Measurement;
import dev.meshplay.gitops.perf.load.ScheduleHealth;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.profile.ProfileReader;
import dev.meshplay.gitops.perf.profile.ProfileReading;
import dev.meshplay.gitops.perf.regression.Verdict;
import dev.meshplay.gitops.perf.report.RunReport;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import dev.meshplay.gitops.perf.result.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's side of the canary: a product regression while the canary of the same source
 * regressed is recorded {@code inconclusive}, also after a restart, when the canary's verdict is
 * read back from its committed series.
 */
class ResultsCommitterCanaryTest {
  private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
  private static final String COMMIT = "c".repeat(40);
  private static final Environment ENV =
      new Environment("host", 2, 4096, "Linux", "25", Optional.empty());

  private static final BenchmarkProfile WEB =
      profile("benchmarks/web.yaml", "name: web\nendpoints: [http://a/]\nqps: 100\n");
  private static final BenchmarkProfile CANARY =
      profile(
          "benchmarks/loopback.yaml",
          "name: loopback-canary\nendpoints: [http://127.0.0.1:9/]\nqps: 100\ncanary: true\n");

  @TempDir Path tmp;

  @Test
  void aProductRegressionWhileTheCanaryRegressedIsInconclusiveAlsoAfterARestart() throws Exception {
    try (Git remote =
        Git.init().setBare(true).setDirectory(tmp.resolve("remote.git").toFile()).call()) {
      seed(remote);
    }
    GitSource source = new GitSource("shop", tmp.resolve("remote.git").toUri().toString(), "main");
    try (SourceMirror mirror = SourceMirror.open(source, tmp.resolve("cache"))) {
      mirror.poll();
      RunReport.Recorded last;
      try (ResultsCommitter committer = committer(mirror)) {
        committer.canaries(List.of(WEB, CANARY));
        for (int i = 0; i < 4; i++) {
          committer.add(
              CANARY,
              run(CANARY, i, 5.0, T0.plus(Duration.ofMinutes(5L * i))),
              COMMIT,
              Optional.empty());
          last =
              committer.add(
                  WEB,
                  run(WEB, i, 5.0, T0.plus(Duration.ofMinutes(5L * i + 1))),
                  COMMIT,
                  Optional.empty());
          assertThat(last.verdict().kind()).isNotEqualTo(Verdict.Kind.REGRESSED);
        }
        RunReport.Recorded canary =
            committer.add(
                CANARY,
                run(CANARY, 4, 7.5, T0.plus(Duration.ofMinutes(20))),
                COMMIT,
                Optional.empty());
        assertThat(canary.verdict().kind()).isEqualTo(Verdict.Kind.REGRESSED);
        last =
            committer.add(
                WEB, run(WEB, 4, 7.5, T0.plus(Duration.ofMinutes(21))), COMMIT, Optional.empty());
        assertThat(last.verdict().kind()).isEqualTo(Verdict.Kind.INCONCLUSIVE);
        assertThat(last.verdict().reason())
            .startsWith("environment drift: canary 'loopback-canary' p50 +");
      }

      // A restarted daemon knows the canary's verdicts from the branch before the canary runs.
      mirror.poll();
      try (ResultsCommitter restarted = committer(mirror)) {
        restarted.canaries(List.of(WEB, CANARY));
        last =
            restarted.add(
                WEB, run(WEB, 5, 7.5, T0.plus(Duration.ofMinutes(26))), COMMIT, Optional.empty());
        assertThat(last.verdict().kind()).isEqualTo(Verdict.Kind.INCONCLUSIVE);
        assertThat(last.verdict().reason())
            .startsWith("environment drift: canary 'loopback-canary' regressed at the same time");
        assertThat(last.files().get("results/web/" + last.line().result()))
            .contains("canary: 'environment drift: canary ''loopback-canary'' regressed");
      }
    }
  }

  private static ResultsCommitter committer(SourceMirror mirror) {
    return new ResultsCommitter(
        mirror,
        new CommitBack(
            mirror,
            ResultsCommitter.AUTHOR,
            CommitBack.DEFAULT_NOTES_REF,
            new Backoff(Duration.ofMillis(1), Duration.ofMillis(20)),
            3));
  }

  private void seed(Git remote) throws Exception {
    try (Git user =
        Git.cloneRepository()
            .setURI(tmp.resolve("remote.git").toUri().toString())
            .setDirectory(tmp.resolve("clone").toFile())
            .call()) {
      Files.writeString(tmp.resolve("clone/README.md"), "designs\n");
      user.add().addFilepattern("README.md").call();
      user.commit().setMessage("seed").setAuthor("Ada", "ada@example.com").setSign(false).call();
      user.push()
          .setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/main"))
          .call();
    }
  }

  private static BenchmarkProfile profile(String path, String yaml) {
    return ((ProfileReading.Accepted) new ProfileReader().read(path, yaml)).profile();
  }

  /** 10 one-second intervals of 100 requests around {@code medianMs}, seeded. */
  private static BenchmarkResult run(
      BenchmarkProfile profile, int seed, double medianMs, Instant start) {
    SplittableRandom random = new SplittableRandom(seed * 31L + profile.name().length());
    Histogram total = new Histogram(1, 3_600_000_000L, 3);
    List<Histogram> intervals = new ArrayList<>();
    for (int s = 0; s < 10; s++) {
      Histogram h = new Histogram(1, 3_600_000_000L, 3);
      for (int i = 0; i < 100; i++) {
        h.recordValue(
            Math.max(1, Math.round(medianMs * 1000 * Math.exp(0.2 * random.nextGaussian()))));
      }
      intervals.add(h);
      total.add(h);
    }
    Measurement m =
        new Measurement(
            "builtin",
            Map.of("connections", "1", "qps", "100.0"),
            LoadModel.OPEN_LOOP,
            start,
            start.plusSeconds(10),
            1000,
            100,
            Latencies.ofMicros(total),
            Optional.of(total),
            Optional.of(total),
            ErrorCounts.NONE,
            ScheduleHealth.judge(1000, 0, 0, 0, Duration.ZERO, 0.05, 2, 100),
            intervals);
    return BenchmarkResult.of(profile, m, ENV);
  }
}
