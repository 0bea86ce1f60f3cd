package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.perf.demo.DemoTarget;
import dev.meshplay.gitops.perf.history.SeriesFile;
import dev.meshplay.gitops.perf.history.SeriesLine;
import dev.meshplay.gitops.reconciler.soak.BenchmarkWindows;
import dev.meshplay.gitops.reconciler.soak.Bound;
import dev.meshplay.gitops.reconciler.soak.DaemonProcess;
import dev.meshplay.gitops.reconciler.soak.DesignChurn;
import dev.meshplay.gitops.reconciler.soak.Metric;
import dev.meshplay.gitops.reconciler.soak.ProcessProbe;
import dev.meshplay.gitops.reconciler.soak.Sample;
import dev.meshplay.gitops.reconciler.soak.SampleFiles;
import dev.meshplay.gitops.reconciler.soak.SharedBranch;
import dev.meshplay.gitops.reconciler.soak.SoakVerdict;
import io.fabric8.kubernetes.api.model.Namespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soak: one daemon, as a child process, follows a repository that gets a commit every few seconds
 * (designs added, changed, removed) while a scheduled benchmark runs against the demo target and
 * its results are committed back. Heap after a forced GC, RSS, threads and open file descriptors
 * are sampled throughout; over the second half (after the warm-up) each must stay within its bound.
 * At the end the cluster holds exactly what the last commit says and every scheduled run is in the
 * committed series.
 *
 * <p>In CI: 2 minutes, a commit every 2 s, a benchmark every 20 s, tolerant bounds. The long run
 * (docs/reliability.md, "4. Soak"): {@code -Dsoak.minutes=30 -Dsoak.commitSeconds=10
 * -Dsoak.benchSeconds=60 -Dsoak.sampleSeconds=10 -Dsoak.floorWindowSeconds=600}, with strict bounds
 * from 10 minutes on. Samples go to {@code target/soak/samples.tsv} and {@code samples.svg}, the
 * figures to {@code summary.md}.
 */
class SoakIT {
  private static final double MINUTES = Double.parseDouble(System.getProperty("soak.minutes", "2"));
  private static final int COMMIT_SECONDS = Integer.getInteger("soak.commitSeconds", 2);
  private static final int BENCH_SECONDS = Integer.getInteger("soak.benchSeconds", 20);
  private static final int SAMPLE_SECONDS = Integer.getInteger("soak.sampleSeconds", 5);

  /**
   * How far back each sample's floor looks: long enough to hold a quiet moment (CI: 30 s); for the
   * long run, longer than a period of the Git pack sawtooth, so each floor holds a trough.
   */
  private static final double FLOOR_WINDOW_SECONDS =
      Double.parseDouble(System.getProperty("soak.floorWindowSeconds", "30"));

  private static final Path OUT = Path.of("target", "soak");
  private static final String PROFILE =
      """
      # Closed loop: a loaded machine cannot make it late, so no run is invalid.
      name: soak
      endpoints: [http://127.0.0.1:%d/]
      qps: 0
      concurrentRequest: 2
      duration: 2s
      schedule: "%s"
      thresholds: ['p99 < 5s']
      """;

  @TempDir Path tmp;

  @Test
  void memoryThreadsAndFilesStayFlatWhileCommitsAndBenchmarksKeepComing() throws Exception {
    assertThat(60 % BENCH_SECONDS).as("soak.benchSeconds divides a minute").isZero();
    DesignChurn churn = new DesignChurn(13, 8);
    try (SharedBranch branch = SharedBranch.create(tmp);
        TestCluster cluster = TestCluster.start();
        DemoTarget target =
            DemoTarget.start(DemoTarget.Settings.loopback().withLatency(Duration.ofMillis(1)))) {
      String cron = BENCH_SECONDS == 60 ? "0 * * * * *" : "*/" + BENCH_SECONDS + " * * * * *";
      branch.commit("benchmarks/soak.yaml", PROFILE.formatted(target.port(), cron), "benchmark");
      for (int i = 0; i < 3; i++) {
        commit(branch, churn);
      }
      Files.createDirectories(tmp.resolve("daemon"));
      String config =
          """
          interval: 1s
          workDir: state
          sources:
            - name: soak
              url: %s
          clusters:
            - name: sandbox
              kubeconfig: %s
          """
              .formatted(branch.remoteDir(), cluster.kubeconfig(tmp));
      try (DaemonProcess daemon =
          DaemonProcess.start(
              Path.of("target", "meshplay-gitops.jar"), tmp.resolve("daemon"), config, "384m")) {
        StatusClient page = new StatusClient(daemon.port());
        await()
            .atMost(Duration.ofMinutes(3))
            .ignoreExceptions()
            .until(() -> branch.tip().equals(page.appliedCommit()));
        Run run = soak(daemon, page, branch, churn);
        List<SeriesLine> benchmarks = benchmarkRuns(branch, run);
        report(run, benchmarks, reasons(branch, benchmarks), syncRuns(page));
        assertThat(run.errors()).as("errors during the soak").isEmpty();
        assertThat(daemon.alive()).as("the daemon is still running").isTrue();
        assertTheClusterHoldsWhatTheLastCommitSays(page, branch, cluster, churn);
        assertEveryScheduledBenchmarkRanAndWasCommitted(branch, run, benchmarks);
        // A daemon behind applies the newest commit and skips those between (as it should), so
        // a loaded machine lowers this count; a stuck daemon would show none.
        assertThat(run.appliedOfOurs())
            .as("commits seen applied, of %d", run.commits().size())
            .isGreaterThanOrEqualTo((long) (2 * MINUTES));
        assertThat(run.verdict().flat()).as(run.verdict().describe()).isTrue();
      } finally {
        copyLog();
      }
    }
  }

  private record Run(
      Instant start,
      Instant end,
      List<Sample> samples,
      List<String> commits,
      Set<String> applied,
      List<String> errors,
      SoakVerdict verdict) {
    long appliedOfOurs() {
      return commits.stream().filter(applied::contains).count();
    }
  }

  private Run soak(DaemonProcess daemon, StatusClient page, SharedBranch branch, DesignChurn churn)
      throws Exception {
    ProcessProbe probe = new ProcessProbe(daemon.pid());
    // A 2 s run starting at each firing; a forced GC takes a few seconds to ask for under load.
    BenchmarkWindows runs =
        new BenchmarkWindows(
            Duration.ofSeconds(BENCH_SECONDS), Duration.ofSeconds(4), Duration.ofSeconds(6));
    List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    List<String> commits = Collections.synchronizedList(new ArrayList<>());
    Set<String> applied = Collections.synchronizedSet(new LinkedHashSet<>());
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    Instant start = Instant.now();
    long startNanos = System.nanoTime();
    ScheduledExecutorService tasks = Executors.newScheduledThreadPool(3);
    tasks.scheduleAtFixedRate(
        guarded(
            errors,
            "commit",
            () -> {
              // A commit during a run makes it invalid ("the design changed during the run").
              Thread.sleep(runs.untilQuiet(Instant.now()).toMillis());
              commits.add(commit(branch, churn));
            }),
        COMMIT_SECONDS,
        COMMIT_SECONDS,
        TimeUnit.SECONDS);
    tasks.scheduleWithFixedDelay(
        guarded(
            errors,
            "sample",
            () -> {
              Thread.sleep(runs.untilQuiet(Instant.now()).toMillis());
              Sample sample = probe.sample(seconds(startNanos));
              if (samples.stream().allMatch(s -> s.fds() < sample.fds())) {
                writeFdKinds("fds-at-peak.txt", sample, probe);
              }
              samples.add(sample);
            }),
        0,
        SAMPLE_SECONDS,
        TimeUnit.SECONDS);
    tasks.scheduleWithFixedDelay(
        guarded(
            errors,
            "status",
            () -> {
              String id = page.appliedCommit();
              if (id != null) {
                applied.add(id);
              }
            }),
        0,
        500,
        TimeUnit.MILLISECONDS);
    Thread.sleep((long) (MINUTES * 60_000));
    tasks.shutdown();
    if (!tasks.awaitTermination(2, TimeUnit.MINUTES)) {
      errors.add("the soak's tasks did not stop");
    }
    Sample last = probe.sample(seconds(startNanos));
    writeFdKinds("fds-at-end.txt", last, probe);
    samples.add(last);
    Instant end = Instant.now();
    await()
        .atMost(Duration.ofMinutes(2))
        .ignoreExceptions()
        .until(
            () -> {
              String tip = branch.tip();
              applied.add(page.appliedCommit());
              return tip.equals(page.appliedCommit());
            });
    List<Sample> sorted = new ArrayList<>(samples);
    sorted.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
    return new Run(
        start,
        end,
        sorted,
        List.copyOf(commits),
        Set.copyOf(applied),
        List.copyOf(errors),
        SoakVerdict.judge(sorted, bounds(), FLOOR_WINDOW_SECONDS));
  }

  /**
   * Strict for a long run; for the short CI run, wide enough for a loaded machine's noise and for
   * the Git packs the mirror collects between JGit's automatic gcs (one per fetch, repacked at 50):
   * each open pack holds heap, so heap after GC rises with them by up to about 45 MiB and falls
   * back at the gc, a sawtooth whose period (about 100 s at a commit every 2 s) the CI run cannot
   * average out. The long run's floor window spans a whole period. Open packs get a ceiling
   * instead: 50 plus what arrives while the background gc runs on a loaded machine stays well under
   * 100; packs that pile up (superseded ones kept) climb to JGit's open-file limit, 128.
   */
  private static List<Bound> bounds() {
    if (MINUTES >= 10) {
      return List.of(
          new Bound(Metric.HEAP_AFTER_GC, 1, 8),
          new Bound(Metric.RSS, 4, 48),
          new Bound(Metric.THREADS, 0.2, 3),
          new Bound(Metric.FDS, 0.2, 6),
          Bound.ceiling(Metric.PACKS, 100));
    }
    return List.of(
        new Bound(Metric.HEAP_AFTER_GC, 48, 56),
        // Two minutes are all warm-up for RSS (the heap and code cache still growing to their
        // working size): only a ceiling, the 384 MiB heap limit plus room for the rest.
        Bound.ceiling(Metric.RSS, 640),
        new Bound(Metric.THREADS, 4, 8),
        new Bound(Metric.FDS, 8, 16),
        Bound.ceiling(Metric.PACKS, 100));
  }

  private static String commit(SharedBranch branch, DesignChurn churn) throws Exception {
    DesignChurn.Change change = churn.next();
    String content =
        change.kind() == DesignChurn.Kind.REMOVE
            ? null
            : DesignChurn.manifest(change.design(), change.version());
    return branch.commit(DesignChurn.path(change.design()), content, change.message());
  }

  private void assertTheClusterHoldsWhatTheLastCommitSays(
      StatusClient page, SharedBranch branch, TestCluster cluster, DesignChurn churn)
      throws Exception {
    assertThat(page.appliedCommit()).isEqualTo(branch.tip());
    Map<String, Integer> expected = churn.live();
    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () -> {
              Set<String> namespaces =
                  cluster.client().namespaces().list().getItems().stream()
                      .map(Namespace::getMetadata)
                      .map(m -> m.getName())
                      .filter(n -> n.startsWith("soak-"))
                      .collect(Collectors.toSet());
              assertThat(namespaces)
                  .containsExactlyInAnyOrderElementsOf(
                      expected.keySet().stream().map(DesignChurn::namespace).toList());
              Map<String, Integer> versions = new HashMap<>();
              for (var cm : cluster.client().configMaps().inAnyNamespace().list().getItems()) {
                if (cm.getMetadata().getNamespace().startsWith("soak-")) {
                  versions.put(
                      cm.getMetadata().getNamespace().substring("soak-".length()),
                      Integer.parseInt(cm.getData().get("version")));
                }
              }
              assertThat(versions).isEqualTo(expected);
            });
  }

  /** The runs of the soak's window in the committed series, as a user reads them after a pull. */
  private static List<SeriesLine> benchmarkRuns(SharedBranch branch, Run run) throws Exception {
    return SeriesFile.read("series.tsv", branch.file("results/soak/series.tsv").orElse("")).stream()
        .filter(l -> !l.time().isBefore(run.start()) && l.time().isBefore(run.end()))
        .toList();
  }

  private static long benchmarksDue(Run run) {
    return Duration.between(run.start(), run.end()).toSeconds() / BENCH_SECONDS;
  }

  /** The daemon's own count of sync passes, summed over its series in {@code /metrics}. */
  private static long syncRuns(StatusClient page) {
    return page.get("/metrics")
        .body()
        .lines()
        .filter(l -> l.startsWith("meshplay_gitops_sync_runs_total"))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static void assertEveryScheduledBenchmarkRanAndWasCommitted(
      SharedBranch branch, Run run, List<SeriesLine> runs) throws Exception {
    long due = benchmarksDue(run);
    assertThat(runs.size())
        .as("benchmark runs of %d due", due)
        .isGreaterThanOrEqualTo((int) due - 1);
    for (int i = 1; i < runs.size(); i++) {
      Duration gap = Duration.between(runs.get(i - 1).time(), runs.get(i).time());
      assertThat(gap)
          .as("no run skipped between %s and %s", runs.get(i - 1).time(), runs.get(i).time())
          .isLessThan(Duration.ofSeconds(BENCH_SECONDS * 2L - 1));
    }
    for (SeriesLine line : runs) {
      assertThat(branch.file("results/soak/" + line.result()))
          .as("result %s committed", line.result())
          .isPresent();
    }
  }

  /** Each verdict reason in the committed result files, with how many runs gave it. */
  private static Map<String, Long> reasons(SharedBranch branch, List<SeriesLine> runs)
      throws Exception {
    Map<String, Long> reasons = new java.util.TreeMap<>();
    for (SeriesLine line : runs) {
      String result = branch.file("results/soak/" + line.result()).orElse("");
      String reason =
          result
              .lines()
              .filter(l -> l.startsWith("verdict_reason: "))
              .findFirst()
              .orElse("verdict_reason: (none)")
              .substring("verdict_reason: ".length())
              .replaceAll("[0-9.]+", "N");
      reasons.merge(line.verdict().word() + ": " + reason, 1L, Long::sum);
    }
    return reasons;
  }

  private void report(
      Run run, List<SeriesLine> benchmarks, Map<String, Long> reasons, long syncRuns)
      throws Exception {
    SampleFiles.write(run.samples(), OUT);
    Sample first = run.samples().getFirst();
    Sample last = run.samples().getLast();
    String summary =
        """
        soak: %.1f min, a commit every %d s, a benchmark every %d s, a sample every %d s
        samples: %d
        commits pushed: %d, seen applied: %d; sync passes (meshplay_gitops_sync_runs_total): %d
        benchmark runs committed in the window: %d (due: %d), verdicts: %s
        heap after GC: %.1f -> %.1f MiB; RSS: %.1f -> %.1f MiB; threads %d -> %d; fds %d -> %d (Git packs %d -> %d)
        %s"""
            .formatted(
                MINUTES,
                COMMIT_SECONDS,
                BENCH_SECONDS,
                SAMPLE_SECONDS,
                run.samples().size(),
                run.commits().size(),
                run.appliedOfOurs(),
                syncRuns,
                benchmarks.size(),
                benchmarksDue(run),
                reasons,
                Metric.HEAP_AFTER_GC.inUnit(first.heapAfterGc()),
                Metric.HEAP_AFTER_GC.inUnit(last.heapAfterGc()),
                Metric.RSS.inUnit(first.rss()),
                Metric.RSS.inUnit(last.rss()),
                first.threads(),
                last.threads(),
                first.fds(),
                last.fds(),
                first.packs(),
                last.packs(),
                run.verdict().describe());
    Files.writeString(OUT.resolve("summary.md"), summary);
    System.out.println(summary);
  }

  private static void writeFdKinds(String file, Sample sample, ProcessProbe probe)
      throws Exception {
    StringBuilder text =
        new StringBuilder(
            "%d open descriptors at %.0f s%n".formatted(sample.fds(), sample.seconds()));
    probe
        .fdKinds()
        .forEach((kind, count) -> text.append(count).append('\t').append(kind).append('\n'));
    Files.createDirectories(OUT);
    Files.writeString(OUT.resolve(file), text);
  }

  private void copyLog() throws Exception {
    Path log = tmp.resolve("daemon/daemon.log");
    if (Files.exists(log)) {
      Files.createDirectories(OUT);
      Files.copy(log, OUT.resolve("daemon.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private interface Step {
    void run() throws Exception;
  }

  /** A scheduled task that throws is never run again: record the failure instead. */
  private static Runnable guarded(ConcurrentLinkedQueue<String> errors, String what, Step step) {
    return () -> {
      try {
        step.run();
      } catch (Exception e) {
        errors.add(what + ": " + e);
      }
    };
  }
}
