package dev.meshplay.gitops.perf.schedule;

import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.profile.ProfileReader;
import dev.meshplay.gitops.perf.profile.ProfileReading;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One clustered scheduler in its own process, so a test can kill it with SIGKILL: {@code
 * SchedulerProcess JDBC_URL REPO QUARTZ_CRON}. Prints {@code READY} once started and {@code FIRED
 * <epoch ms>} for each firing it runs.
 */
public final class SchedulerProcess {
  private SchedulerProcess() {}

  public static void main(String[] args) throws Exception {
    BenchmarkScheduler scheduler = clustered(args[0], Path.of(args[1]), args[2], printing());
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
    scheduler.close();
  }

  static BenchmarkScheduler clustered(
      String jdbcUrl, Path repo, String quartzCron, ResultListener listener) throws Exception {
    BenchmarkScheduler scheduler =
        new BenchmarkScheduler(
            (profile, progress) -> null,
            LastRuns.NONE,
            listener,
            1,
            new ScheduleStore.ClusteredJdbc(
                "meshplay-benchmarks-test", jdbcUrl, "postgres", null, Duration.ofSeconds(2)));
    List<BenchmarkProfile> profiles =
        new ProfileReader()
            .readRepository(repo).stream()
                .map(r -> ((ProfileReading.Accepted) r).profile())
                .toList();
    // The profile has no schedule (profiles have minute resolution); the trigger is set raw.
    scheduler.sync(profiles);
    scheduler.reschedule(profiles.getFirst().id(), quartzCron);
    return scheduler;
  }

  private static ResultListener printing() {
    return new ResultListener() {
      @Override
      public void started(BenchmarkProfile profile, java.time.Instant scheduledFor) {
        System.out.println("FIRED " + scheduledFor.toEpochMilli());
        System.out.flush();
      }

      @Override
      public void finished(BenchmarkProfile profile, BenchmarkResult result) {}
    };
  }
}
