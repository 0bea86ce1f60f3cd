package dev.meshplay.gitops.perf.regression;

import dev.meshplay.gitops.perf.load.ErrorCounts;
import dev.meshplay.gitops.perf.load.Latencies;
import dev.meshplay.gitops.perf.load.LoadModel;
import dev.meshplay.gitops.perf.load.Measurement;
import dev.meshplay.gitops.perf.load.ScheduleHealth;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.profile.ProfileReader;
import dev.meshplay.gitops.perf.profile.ProfileReading;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import dev.meshplay.gitops.perf.result.Environment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/** Results with known latency distributions: 10 one-second intervals of 100 requests each. */
final class SyntheticRuns {

  static final BenchmarkProfile PROFILE =
      ((ProfileReading.Accepted)
              new ProfileReader()
                  .read(
                      "benchmarks/web.yaml",
                      "name: web\nendpoints: [http://a/]\nqps: 100\nthresholds: ['p99 < 250ms']\n"))
          .profile();

  private static final Environment ENV =
      new Environment("host", 2, 4096, "Linux", "25", Optional.empty());

  private SyntheticRuns() {}

  /** A run whose latencies are {@code medianMs} times a log-normal noise, seeded. */
  static BenchmarkResult run(long seed, double medianMs, int run) {
    return run(seed, medianMs, run, 100, true);
  }

  static BenchmarkResult run(long seed, double medianMs, int run, double qps, boolean valid) {
    SplittableRandom random = new SplittableRandom(seed);
    Histogram total = new Histogram(1, 3_600_000_000L, 3);
    List<Histogram> intervals = new ArrayList<>();
    for (int s = 0; s < 10; s++) {
      Histogram h = new Histogram(1, 3_600_000_000L, 3);
      for (int i = 0; i < 100; i++) {
        double z = ChangePointTest.gaussian(random);
        h.recordValue(Math.max(1, Math.round(medianMs * 1000 * Math.exp(0.2 * z))));
      }
      intervals.add(h);
      total.add(h);
    }
    Instant start = Instant.parse("2026-11-22T00:00:00Z").plus(Duration.ofMinutes(5L * run));
    Measurement m =
        new Measurement(
            "builtin",
            Map.of("connections", "2", "qps", "100.0"),
            LoadModel.OPEN_LOOP,
            start,
            start.plusSeconds(10),
            1000,
            qps,
            Latencies.ofMicros(total),
            Optional.of(total),
            Optional.of(total),
            ErrorCounts.NONE,
            valid
                ? ScheduleHealth.judge(1000, 0, 0, 0, Duration.ZERO, 0.05, 2, 100)
                : ScheduleHealth.judge(1000, 200, 0, 0, Duration.ofSeconds(1), 0.05, 2, 100),
            intervals);
    return BenchmarkResult.of(PROFILE, m, ENV);
  }

  static List<BenchmarkResult> baseline(int runs, double medianMs) {
    List<BenchmarkResult> out = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      out.add(run(1000 + i, medianMs, i));
    }
    return out;
  }
}
