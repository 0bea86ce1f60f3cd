package dev.meshplay.gitops.reconciler.bench;

import dev.meshplay.gitops.perf.BenchmarkRunner;
import dev.meshplay.gitops.perf.history.ResultPaths;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.profile.ProfileReading;
import dev.meshplay.gitops.perf.report.RunReport;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import dev.meshplay.gitops.perf.schedule.BenchmarkScheduler;
import dev.meshplay.gitops.perf.schedule.LastRuns;
import dev.meshplay.gitops.perf.schedule.ResultListener;
import dev.meshplay.gitops.perf.schedule.ScheduleStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled benchmarks of one source: the profiles of the applied commit are synced into the
 * scheduler when the commit changes, and every finished run lands in the {@link BenchmarkResults}
 * the page reads.
 */
public final class BenchmarkService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BenchmarkService.class);

  private final String source;
  private final BenchmarkScheduler scheduler;
  private final BenchmarkResults results;
  private final ResultsCommitter committer;
  private String syncedCommit;
  // When each design commit took effect: a run is labelled with the commit at its start.
  private final java.util.concurrent.ConcurrentSkipListMap<java.time.Instant, String>
      designCommits = new java.util.concurrent.ConcurrentSkipListMap<>();

  public BenchmarkService(String source, BenchmarkRunner runner, BenchmarkResults results)
      throws SchedulerException {
    this(source, runner, results, null, ScheduleStore.IN_MEMORY);
  }

  /**
   * @param committer where results, series and reports are committed; null keeps them in memory
   * @param store where the schedules live (shared by replicas when clustered)
   */
  public BenchmarkService(
      String source,
      BenchmarkRunner runner,
      BenchmarkResults results,
      ResultsCommitter committer,
      ScheduleStore store)
      throws SchedulerException {
    this.source = source;
    this.results = results;
    this.committer = committer;
    this.scheduler = new BenchmarkScheduler(runner, LastRuns.NONE, listener(), 1, store);
  }

  private ResultListener listener() {
    return new ResultListener() {
      @Override
      public void finished(BenchmarkProfile profile, BenchmarkResult result) {
        results.record(source, profile, result);
        var atStart = designCommits.floorEntry(result.startTime());
        var atEnd = designCommits.floorEntry(result.endTime());
        if (committer != null && atEnd != null) {
          String commit = atStart == null ? atEnd.getValue() : atStart.getValue();
          Optional<String> invalid =
              commit.equals(atEnd.getValue())
                  ? Optional.empty()
                  : Optional.of(
                      "the design changed during the run (to "
                          + atEnd.getValue().substring(0, 7)
                          + ")");
          try {
            RunReport.Recorded recorded = committer.add(profile, result, commit, invalid);
            results.judged(source, profile, recorded.verdict(), charts(profile, recorded));
            LOG.info(
                "{}: benchmark {} verdict {}: {}",
                source,
                profile.name(),
                recorded.verdict().kind().word(),
                recorded.verdict().reason());
          } catch (RuntimeException e) {
            // The run itself succeeded: say that judging or recording it failed, not the run.
            LOG.warn(
                "{}: benchmark {} ran, but its result could not be judged or recorded: {}",
                source,
                profile.name(),
                e.toString());
          }
        }
        LOG.info(
            "{}: benchmark {} {}: {} req/s, p99 {} ms",
            source,
            profile.name(),
            result.passed() ? "passed" : "failed",
            Math.round(result.actualQps()),
            result.latencies().p99());
      }

      @Override
      public void failed(BenchmarkProfile profile, Exception cause) {
        results.failed(source, profile, cause.getMessage());
        LOG.warn("{}: benchmark {} could not run: {}", source, profile.name(), cause.getMessage());
      }
    };
  }

  /** Schedules the profiles of {@code commit}; a commit already synced changes nothing. */
  public synchronized void sync(String commit, List<ProfileReading> readings) {
    if (Objects.equals(commit, syncedCommit)) {
      return;
    }
    // Results commits are not design changes: runs keep naming the design commit they measured.
    if (designCommits.isEmpty() || committer == null || !committer.wrote(commit)) {
      designCommits.put(java.time.Instant.now(), commit);
      while (designCommits.size() > 100) {
        designCommits.pollFirstEntry();
      }
    }
    List<BenchmarkProfile> profiles = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (ProfileReading reading : readings) {
      if (reading instanceof ProfileReading.Accepted accepted) {
        profiles.add(accepted.profile());
      } else {
        reading.diagnostics().forEach(d -> problems.add(d.toString()));
      }
    }
    results.problems(source, problems);
    if (committer != null) {
      committer.canaries(profiles);
    }
    try {
      scheduler.sync(profiles);
      for (BenchmarkProfile profile : profiles) {
        results.scheduled(source, profile, scheduler.nextRun(profile.id()).orElse(null));
      }
      syncedCommit = commit;
    } catch (SchedulerException e) {
      LOG.warn("{}: cannot schedule benchmarks: {}", source, e.getMessage());
    }
  }

  private static java.util.Map<String, String> charts(
      BenchmarkProfile profile, RunReport.Recorded recorded) {
    ResultPaths paths = ResultPaths.forSource(profile.source());
    return java.util.Map.of(
        "latency.svg", recorded.files().get(paths.latencyChart()),
        "throughput.svg", recorded.files().get(paths.throughputChart()));
  }

  @Override
  public void close() {
    try {
      scheduler.close();
      if (committer != null) {
        committer.close();
      }
    } catch (SchedulerException e) {
      LOG.warn("{}: closing the benchmark scheduler: {}", source, e.getMessage());
    }
  }
}
