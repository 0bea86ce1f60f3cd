package dev.meshplay.gitops.perf.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** One firing of a profile's job; Quartz never runs two of one job (one profile) at once. */
@DisallowConcurrentExecution
final class BenchmarkJob implements Job {

  private final BenchmarkScheduler scheduler;

  BenchmarkJob(BenchmarkScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public void execute(JobExecutionContext context) {
    java.util.Date scheduled = context.getScheduledFireTime();
    scheduler.runScheduled(
        context.getJobDetail().getKey().getName(),
        scheduled == null ? java.time.Instant.now() : scheduled.toInstant());
  }
}
