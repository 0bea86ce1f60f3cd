package dev.meshplay.gitops.perf.prometheus;

import java.util.List;

/**
 * What Prometheus saw of the system under test while a benchmark ran: one summary per query, as
 * Meshery stores its static-board queries with a result.
 *
 * @param source the Prometheus the figures came from
 */
public record ResourceUsage(String source, List<Series> series) {

  public ResourceUsage {
    series = List.copyOf(series);
  }

  /**
   * One query over the run's window, summarised.
   *
   * @param name e.g. {@code cpu_cores}
   * @param samples how many points the range query returned (0: nothing was scraped)
   */
  public record Series(String name, String query, int samples, double average, double max) {}
}
