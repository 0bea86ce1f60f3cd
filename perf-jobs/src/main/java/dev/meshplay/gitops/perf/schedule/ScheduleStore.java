package dev.meshplay.gitops.perf.schedule;

import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

/** Where Quartz keeps the schedules: in memory (one replica), or shared in PostgreSQL. */
public sealed interface ScheduleStore {

  /** One replica: schedules in memory, rebuilt from Git at every start. */
  record InMemory() implements ScheduleStore {}

  /**
   * Several replicas: Quartz's clustered JDBC job store. Schedulers with the same {@code name} on
   * one database form one cluster: each firing runs on exactly one of them, and the triggers of a
   * dead one fire on the others.
   *
   * @param name the cluster's name (the same on every replica; one per source)
   * @param checkin how often each scheduler marks itself alive; a scheduler silent for about this
   *     long is taken for dead and its running jobs recovered elsewhere
   */
  record ClusteredJdbc(String name, String jdbcUrl, String user, String password, Duration checkin)
      implements ScheduleStore {

    @Override
    public String toString() {
      return "ClusteredJdbc[name=" + name + ", jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
    }
  }

  ScheduleStore IN_MEMORY = new InMemory();

  /** The Quartz settings of this store for a scheduler with {@code workers} threads. */
  default Properties quartzProperties(int workers) {
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(workers));
    p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    switch (this) {
      case InMemory m -> {
        // Quartz keeps schedulers in a JVM-wide registry by name: each instance needs its own.
        p.setProperty(
            "org.quartz.scheduler.instanceName", "meshplay-benchmarks-" + UUID.randomUUID());
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
      }
      case ClusteredJdbc db -> {
        p.setProperty("org.quartz.scheduler.instanceName", db.name());
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty(
            "org.quartz.jobStore.driverDelegateClass",
            "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.tablePrefix", QuartzSchema.TABLE_PREFIX);
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty(
            "org.quartz.jobStore.clusterCheckinInterval", Long.toString(db.checkin().toMillis()));
        p.setProperty("org.quartz.jobStore.dataSource", "schedules");
        p.setProperty("org.quartz.dataSource.schedules.provider", "hikaricp");
        p.setProperty("org.quartz.dataSource.schedules.driver", "org.postgresql.Driver");
        p.setProperty("org.quartz.dataSource.schedules.URL", db.jdbcUrl());
        if (db.user() != null) {
          p.setProperty("org.quartz.dataSource.schedules.user", db.user());
        }
        if (db.password() != null) {
          p.setProperty("org.quartz.dataSource.schedules.password", db.password());
        }
        p.setProperty(
            "org.quartz.dataSource.schedules.maxConnections", Integer.toString(workers + 3));
      }
    }
    return p;
  }
}
