package dev.meshplay.gitops.reconciler.config;

import dev.meshplay.gitops.git.Secret;
import java.time.Duration;

/**
 * Where benchmark schedules are kept when several replicas run: Quartz's clustered JDBC job store
 * on PostgreSQL, so each firing runs on exactly one replica and survives a replica's death.
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} URL
 * @param password null when the database needs none (e.g. trust on loopback)
 * @param checkinInterval how often each replica marks itself alive in the database; a replica
 *     silent for about this long is taken for dead and its interrupted runs recovered elsewhere
 */
public record ScheduleStoreConfig(
    String jdbcUrl, String user, Secret password, Duration checkinInterval) {

  public static final Duration DEFAULT_CHECKIN = Duration.ofMillis(7500);

  public ScheduleStoreConfig {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "must be a jdbc:postgresql: URL (PostgreSQL is the clustered store supported)");
    }
  }
}
