package dev.meshplay.gitops.reconciler.config;

import dev.meshplay.gitops.git.Secret;

/**
 * Where benchmark schedules are kept when several replicas run: Quartz's clustered JDBC job store
 * on PostgreSQL, so each firing runs on exactly one replica and survives a replica's death.
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} URL
 * @param password null when the database needs none (e.g. trust on loopback)
 */
public record ScheduleStoreConfig(String jdbcUrl, String user, Secret password) {

  public ScheduleStoreConfig {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "must be a jdbc:postgresql: URL (PostgreSQL is the clustered store supported)");
    }
  }
}
