package dev.meshplay.gitops.perf.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two schedulers on one real PostgreSQL form one Quartz cluster: one in this JVM, one in a child
 * process killed with SIGKILL half way. A cron firing every 3 s runs exactly once per fire time for
 * over a minute, and after the kill the survivor runs every firing.
 */
class ClusteredSchedulesIT {
  private static final String EVERY_3S = "*/3 * * * * ?";
  private static final long PERIOD_MS = 3000;

  @TempDir Path repo;
  private LocalPostgres postgres;
  private Process child;
  private BenchmarkScheduler local;

  /** A firing run by {@code by} for the fire time {@code at} (epoch ms). */
  record Fired(String by, long at, long seen) {}

  private final List<Fired> fired = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    Optional<Path> bin = LocalPostgres.binaries();
    if ("true".equals(System.getenv("CI"))) {
      assertThat(bin).as("PostgreSQL server binaries (.ci/run installs postgresql)").isPresent();
    }
    assumeTrue(bin.isPresent(), "PostgreSQL is not installed: apt-get install postgresql");
    postgres = LocalPostgres.start(bin.get());
    Files.createDirectories(repo.resolve("benchmarks"));
    Files.writeString(
        repo.resolve("benchmarks/tick.yaml"), "name: tick\nendpoints: [http://127.0.0.1:9/]\n");
  }

  @AfterEach
  void stop() throws Exception {
    if (child != null) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (local != null) {
      local.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void everyFiringRunsExactlyOnceAndTheSurvivorTakesOverAfterAKill() throws Exception {
    child = startChild();
    local = SchedulerProcess.clustered(postgres.jdbcUrl(), repo, EVERY_3S, recording("local"));

    Thread.sleep(45_000);
    long killedAt = System.currentTimeMillis();
    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    Thread.sleep(25_000);

    Map<Long, List<String>> byFireTime = new TreeMap<>();
    fired.forEach(f -> byFireTime.computeIfAbsent(f.at(), t -> new ArrayList<>()).add(f.by()));
    System.out.printf(
        "clustered schedules: %d firings, by child %d, by local %d; after the kill: %s%n",
        byFireTime.size(),
        fired.stream().filter(f -> f.by().equals("child")).count(),
        fired.stream().filter(f -> f.by().equals("local")).count(),
        fired.stream().filter(f -> f.seen() > killedAt).map(Fired::at).toList());

    assertThat(byFireTime)
        .as("fire time -> who ran it")
        .allSatisfy((t, by) -> assertThat(by).hasSize(1));
    List<Long> aligned = byFireTime.keySet().stream().filter(t -> t % PERIOD_MS == 0).toList();
    long first = aligned.getFirst();
    long last = aligned.getLast();
    assertThat(last - first).as("firings over more than a minute").isGreaterThan(60_000);
    long missing =
        java.util.stream.LongStream.iterate(first, t -> t <= last, t -> t + PERIOD_MS)
            .filter(t -> !byFireTime.containsKey(t))
            .count();
    // A firing the child had acquired when it died fires late (at recovery), not on its slot.
    assertThat(missing).as("slots with no firing").isLessThanOrEqualTo(1);
    assertThat(fired)
        .filteredOn(f -> f.at() > killedAt)
        .as("after the kill, the survivor runs every firing")
        .isNotEmpty()
        .allMatch(f -> f.by().equals("local"));
    assertThat(last)
        .as("still firing at the end")
        .isGreaterThan(System.currentTimeMillis() - 3 * PERIOD_MS);
  }

  private Process startChild() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                SchedulerProcess.class.getName(),
                postgres.jdbcUrl(),
                repo.toString(),
                EVERY_3S)
            .redirectErrorStream(true)
            .start();
    CountDownLatch ready = new CountDownLatch(1);
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try (var lines =
                  new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  if (line.equals("READY")) {
                    ready.countDown();
                  } else if (line.startsWith("FIRED ")) {
                    fired.add(
                        new Fired(
                            "child",
                            Long.parseLong(line.substring(6)),
                            System.currentTimeMillis()));
                  }
                }
              } catch (java.io.IOException e) {
                // The child was killed: its output ends here.
              }
            });
    await().atMost(Duration.ofSeconds(60)).until(() -> ready.getCount() == 0 || !process.isAlive());
    assertThat(process.isAlive()).as("the child scheduler started").isTrue();
    return process;
  }

  private ResultListener recording(String name) {
    return new ResultListener() {
      @Override
      public void started(BenchmarkProfile profile, Instant scheduledFor) {
        fired.add(new Fired(name, scheduledFor.toEpochMilli(), System.currentTimeMillis()));
      }

      @Override
      public void finished(BenchmarkProfile profile, BenchmarkResult result) {}
    };
  }
}
