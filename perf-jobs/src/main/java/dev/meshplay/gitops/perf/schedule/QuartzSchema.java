package dev.meshplay.gitops.perf.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * Creates Quartz's tables in PostgreSQL when they are missing, from the DDL Quartz ships ({@code
 * tables_postgres.sql}) without its {@code DROP TABLE} lines. Replicas starting together serialise
 * on an advisory lock, so exactly one creates the tables and none drops another's.
 */
final class QuartzSchema {
  static final String TABLE_PREFIX = "QRTZ_";
  private static final String DDL = "/org/quartz/impl/jdbcjobstore/tables_postgres.sql";
  // Any constant both replicas agree on: the lock only orders schema creation.
  private static final long LOCK = 0x6d657368706c6179L;

  private QuartzSchema() {}

  static void ensure(ScheduleStore.ClusteredJdbc db) throws SQLException {
    try (Connection connection =
        DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
        if (!exists(connection)) {
          for (String sql : createStatements()) {
            statement.execute(sql);
          }
        }
      }
      connection.commit();
    }
  }

  private static boolean exists(Connection connection) throws SQLException {
    try (var tables =
        connection.getMetaData().getTables(null, null, "qrtz_locks", new String[] {"TABLE"})) {
      return tables.next();
    }
  }

  static List<String> createStatements() {
    String script;
    try (InputStream in = QuartzSchema.class.getResourceAsStream(DDL)) {
      if (in == null) {
        throw new IllegalStateException(DDL + " is missing from the Quartz jar");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DDL, e);
    }
    String withoutComments =
        Arrays.stream(script.split("\n"))
            .filter(line -> !line.strip().startsWith("--"))
            .reduce("", (a, b) -> a + b + "\n");
    return Arrays.stream(withoutComments.split(";"))
        .map(String::strip)
        .filter(sql -> !sql.isEmpty())
        .filter(sql -> !sql.toUpperCase(java.util.Locale.ROOT).startsWith("DROP "))
        .filter(sql -> !sql.equalsIgnoreCase("COMMIT"))
        .toList();
  }
}
