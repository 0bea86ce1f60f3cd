package dev.meshplay.gitops.perf.profile;

/** Which of the two accepted file formats a profile was written in. */
public enum Dialect {
  /** Meshery's performance profile ({@code endpoints}, {@code concurrentRequest}, {@code qps}). */
  MESHERY,
  /**
   * Service Mesh Performance {@code PerformanceTestConfig} ({@code smp_version}, {@code clients}).
   */
  SMP
}
