package dev.meshplay.gitops.reconciler.bench;

import dev.meshplay.gitops.perf.BenchmarkRunner;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.profile.ProfileReading;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import dev.meshplay.gitops.perf.schedule.BenchmarkScheduler;
import dev.meshplay.gitops.perf.schedule.LastRuns;
import dev.meshplay.gitops.perf.schedule.ResultListener;
import dev.meshplay.gitops.perf.schedule.ScheduleStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
  private String syncedCommit;

  public BenchmarkService(String source, BenchmarkRunner runner, BenchmarkResults results)
      throws SchedulerException {
    this(source, runner, results, ScheduleStore.IN_MEMORY);
  }

  /** The same, with the schedules in {@code store} (shared by replicas when clustered). */
  public BenchmarkService(
      String source, BenchmarkRunner runner, BenchmarkResults results, ScheduleStore store)
      throws SchedulerException {
    this.source = source;
    this.results = results;
    this.scheduler = new BenchmarkScheduler(runner, LastRuns.NONE, listener(), 1, store);
  }

  private ResultListener listener() {
    return new ResultListener() {
      @Override
      public void finished(BenchmarkProfile profile, BenchmarkResult result) {
        results.record(source, profile, result);
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

  @Override
  public void close() {
    try {
      scheduler.close();
    } catch (SchedulerException e) {
      LOG.warn("{}: closing the benchmark scheduler: {}", source, e.getMessage());
    }
  }
}
