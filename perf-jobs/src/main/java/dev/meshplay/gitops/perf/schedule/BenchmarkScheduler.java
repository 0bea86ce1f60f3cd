package dev.meshplay.gitops.perf.schedule;

import dev.meshplay.gitops.perf.BenchmarkRunner;
import dev.meshplay.gitops.perf.load.LoadGeneratorException;
import dev.meshplay.gitops.perf.load.ProgressListener;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.profile.CronSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Runs benchmark profiles on their cron schedules with Quartz, in memory or in a clustered JDBC
 * store shared by replicas ({@link ScheduleStore}). {@link #sync} takes the profiles of the latest
 * commit and adds, changes and removes schedules to match. Two runs of one profile never overlap; a
 * firing missed while a run was going on, or during a downtime that {@link LastRuns} reveals, runs
 * once, not once per missed slot.
 */
public final class BenchmarkScheduler implements AutoCloseable {

  private static final String GROUP = "benchmarks";
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private final Scheduler quartz;
  private final BenchmarkRunner runner;
  private final LastRuns lastRuns;
  private final ResultListener listener;
  private final Map<String, BenchmarkProfile> profiles = new ConcurrentHashMap<>();
  private final boolean shared;

  /**
   * @param workers how many different profiles may run at once
   * @throws SchedulerException when Quartz cannot start
   */
  public BenchmarkScheduler(
      BenchmarkRunner runner, LastRuns lastRuns, ResultListener listener, int workers)
      throws SchedulerException {
    this(runner, lastRuns, listener, workers, ScheduleStore.IN_MEMORY);
  }

  /**
   * The same, with the schedules in {@code store}. In a clustered store the job of each profile
   * holds only its id; every replica knows the profiles from Git and runs the one that fired.
   */
  public BenchmarkScheduler(
      BenchmarkRunner runner,
      LastRuns lastRuns,
      ResultListener listener,
      int workers,
      ScheduleStore store)
      throws SchedulerException {
    this.runner = runner;
    this.lastRuns = lastRuns;
    this.listener = listener;
    this.shared = store instanceof ScheduleStore.ClusteredJdbc;
    if (store instanceof ScheduleStore.ClusteredJdbc db) {
      try {
        QuartzSchema.ensure(db);
      } catch (java.sql.SQLException e) {
        throw new SchedulerException(
            "cannot prepare the schedule tables at " + db.jdbcUrl() + ": " + e.getMessage(), e);
      }
    }
    this.quartz = new StdSchedulerFactory(store.quartzProperties(workers)).getScheduler();
    // Replicas of one cluster share a scheduler name; forget it in this JVM's registry so another
    // replica (a test's) can start beside it.
    org.quartz.impl.SchedulerRepository.getInstance().remove(quartz.getSchedulerName());
    quartz.setJobFactory((bundle, scheduler) -> new BenchmarkJob(this));
    quartz.start();
  }

  /** Makes the schedules match {@code desired}, the profiles of the latest commit. */
  public synchronized ScheduleChanges sync(List<BenchmarkProfile> desired)
      throws SchedulerException {
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    Set<String> keep = new java.util.HashSet<>();
    for (BenchmarkProfile profile : desired) {
      String id = profile.id();
      keep.add(id);
      BenchmarkProfile old = profiles.put(id, profile);
      if (old == null) {
        quartz.addJob(
            JobBuilder.newJob(BenchmarkJob.class)
                .withIdentity(id, GROUP)
                .storeDurably()
                // Clustered: a run cut short by a replica's death runs again on another.
                .requestRecovery(shared)
                .build(),
            true);
        profile.schedule().ifPresent(cron -> schedule(id, cron, catchUpFrom(id, cron)));
        added.add(id);
      } else if (!old.equals(profile)) {
        if (!old.schedule().equals(profile.schedule())) {
          quartz.unscheduleJob(TriggerKey.triggerKey(id, GROUP));
          profile.schedule().ifPresent(cron -> schedule(id, cron, Optional.empty()));
        }
        changed.add(id);
      }
    }
    for (String id : List.copyOf(profiles.keySet())) {
      if (!keep.contains(id)) {
        profiles.remove(id);
        quartz.deleteJob(JobKey.jobKey(id, GROUP));
        removed.add(id);
      }
    }
    return new ScheduleChanges(added, changed, removed);
  }

  /** Runs a profile now, after its current run if one is going on. */
  public void runNow(String profileId) throws SchedulerException {
    if (!profiles.containsKey(profileId)) {
      throw new IllegalArgumentException("no profile " + profileId + " is known to the scheduler");
    }
    quartz.triggerJob(JobKey.jobKey(profileId, GROUP));
  }

  /** When a profile runs next on its schedule; empty for a profile without one. */
  public Optional<Instant> nextRun(String profileId) throws SchedulerException {
    Trigger trigger = quartz.getTrigger(TriggerKey.triggerKey(profileId, GROUP));
    return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
  }

  /** The ids of the profiles the scheduler knows. */
  public Set<String> profileIds() {
    return Set.copyOf(profiles.keySet());
  }

  /**
   * The time a missed firing should be found from: the last run, when the cron was due between it
   * and now. Starting the trigger there makes Quartz see one misfire and fire once.
   */
  private Optional<Date> catchUpFrom(String id, CronSchedule cron) {
    return lastRuns
        .lastRun(id)
        .filter(
            last -> {
              try {
                CronExpression expression = new CronExpression(cron.quartzExpression());
                expression.setTimeZone(UTC);
                Date due = expression.getNextValidTimeAfter(Date.from(last));
                return due != null && due.toInstant().isBefore(Instant.now());
              } catch (java.text.ParseException e) {
                return false;
              }
            })
        .map(last -> Date.from(last.plusSeconds(1)));
  }

  private void schedule(String id, CronSchedule cron, Optional<Date> startAt) {
    schedule(id, cron.quartzExpression(), startAt);
  }

  /**
   * Replaces a profile's trigger with a raw Quartz expression (seconds first): profiles have minute
   * resolution, the clustered-store tests need firings seconds apart.
   */
  void reschedule(String id, String quartzExpression) {
    schedule(id, quartzExpression, Optional.empty());
  }

  private void schedule(String id, String expression, Optional<Date> startAt) {
    if (shared && sameTriggerStored(id, expression)) {
      // Another replica scheduled it already: keep its fire times.
      return;
    }
    TriggerBuilder<Trigger> builder =
        TriggerBuilder.newTrigger().withIdentity(id, GROUP).forJob(id, GROUP);
    startAt.ifPresent(builder::startAt);
    if (shared && startAt.isEmpty()) {
      // Replacing a shared trigger: a firing of this very second may have run on another replica
      // already, and a new trigger starting now would run it again.
      builder.startAt(Date.from(Instant.now().plusSeconds(1)));
    }
    Trigger trigger =
        builder
            .withSchedule(
                CronScheduleBuilder.cronSchedule(expression)
                    .inTimeZone(UTC)
                    .withMisfireHandlingInstructionFireAndProceed())
            .build();
    try {
      if (quartz.checkExists(trigger.getKey())) {
        quartz.rescheduleJob(trigger.getKey(), trigger);
      } else {
        quartz.scheduleJob(trigger);
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot schedule " + id + ": " + e.getMessage(), e);
    }
  }

  private boolean sameTriggerStored(String id, String expression) {
    try {
      return quartz.getTrigger(TriggerKey.triggerKey(id, GROUP))
              instanceof org.quartz.CronTrigger stored
          && stored.getCronExpression().equals(expression);
    } catch (SchedulerException e) {
      return false;
    }
  }

  void runScheduled(String id, Instant scheduledFor) {
    BenchmarkProfile profile = profiles.get(id);
    if (profile == null) {
      return;
    }
    listener.started(profile, scheduledFor);
    try {
      listener.finished(profile, runner.run(profile, ProgressListener.NONE));
    } catch (LoadGeneratorException | RuntimeException e) {
      listener.failed(profile, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      listener.failed(profile, e);
    }
  }

  /** Stops scheduling and waits for running benchmarks to end. */
  @Override
  public void close() throws SchedulerException {
    quartz.shutdown(true);
  }
}
