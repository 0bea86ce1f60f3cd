package dev.meshplay.gitops.perf.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.perf.BenchmarkRunner;
import dev.meshplay.gitops.perf.profile.BenchmarkProfile;
import dev.meshplay.gitops.perf.profile.ProfileReader;
import dev.meshplay.gitops.perf.profile.ProfileReading;
import dev.meshplay.gitops.perf.result.BenchmarkResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schedules follow the profiles of each commit; runs of one profile never overlap or pile up. */
class BenchmarkSchedulerTest {

  private final List<String> finished = new CopyOnWriteArrayList<>();
  private final ResultListener listener =
      new ResultListener() {
        @Override
        public void finished(BenchmarkProfile profile, BenchmarkResult result) {
          finished.add(profile.name());
        }

        @Override
        public void failed(BenchmarkProfile profile, Exception cause) {
          finished.add(profile.name() + " failed: " + cause);
        }
      };
  private BenchmarkScheduler scheduler;

  @AfterEach
  void stop() throws Exception {
    if (scheduler != null) {
      scheduler.close();
    }
  }

  private static BenchmarkRunner quickRunner(AtomicInteger runs) {
    return (profile, progress) -> {
      runs.incrementAndGet();
      return null;
    };
  }

  private static List<BenchmarkProfile> profilesOf(Path repo) {
    return new ProfileReader()
        .readRepository(repo).stream().map(r -> ((ProfileReading.Accepted) r).profile()).toList();
  }

  private static void write(Path repo, String file, String yaml) throws Exception {
    Files.createDirectories(repo.resolve("benchmarks"));
    Files.writeString(repo.resolve("benchmarks").resolve(file), yaml);
  }

  @Test
  void schedulesFollowProfilesAddedChangedAndRemovedBetweenCommits(@TempDir Path repo)
      throws Exception {
    scheduler =
        new BenchmarkScheduler(quickRunner(new AtomicInteger()), LastRuns.NONE, listener, 2);
    write(repo, "nightly.yaml", "name: nightly\nendpoints: [http://a/]\nschedule: '0 2 * * *'\n");
    write(repo, "manual.yaml", "name: manual\nendpoints: [http://b/]\n");

    ScheduleChanges first = scheduler.sync(profilesOf(repo));
    String nightly = profilesOf(repo).get(1).id();
    String manual = profilesOf(repo).get(0).id();

    assertThat(first.added()).containsExactlyInAnyOrder(nightly, manual);
    ZonedDateTime next = scheduler.nextRun(nightly).orElseThrow().atZone(ZoneOffset.UTC);
    assertThat(next.getHour()).isEqualTo(2);
    assertThat(next.getMinute()).isZero();
    assertThat(scheduler.nextRun(manual)).isEmpty();

    // The next commit moves the nightly run, removes the manual profile and adds another.
    write(
        repo, "nightly.yaml", "name: nightly\nendpoints: [http://a/]\nschedule: '30 3 * * 1-5'\n");
    Files.delete(repo.resolve("benchmarks/manual.yaml"));
    write(repo, "hourly.yaml", "name: hourly\nendpoints: [http://c/]\nschedule: '@hourly'\n");
    ScheduleChanges second = scheduler.sync(profilesOf(repo));

    assertThat(second.changed()).containsExactly(nightly);
    assertThat(second.removed()).containsExactly(manual);
    assertThat(second.added()).hasSize(1);
    ZonedDateTime moved = scheduler.nextRun(nightly).orElseThrow().atZone(ZoneOffset.UTC);
    assertThat(moved.getHour()).isEqualTo(3);
    assertThat(moved.getMinute()).isEqualTo(30);
    assertThat(moved.getDayOfWeek().getValue()).isBetween(1, 5);
    assertThat(scheduler.profileIds()).doesNotContain(manual);

    assertThat(scheduler.sync(profilesOf(repo)).isEmpty()).isTrue();
    assertThat(scheduler.sync(List.of()).removed()).hasSize(2);
  }

  @Test
  void aRunMissedDuringDowntimeRunsOnceNotOncePerMissedSlot(@TempDir Path repo) throws Exception {
    AtomicInteger runs = new AtomicInteger();
    // Hourly, at a minute half an hour away: no regular slot falls inside the test.
    int minute = (java.time.LocalTime.now(java.time.ZoneOffset.UTC).getMinute() + 30) % 60;
    write(
        repo,
        "every-minute.yaml",
        "name: m\nendpoints: [http://a/]\nschedule: '" + minute + " * * * *'\n");
    int hour = (java.time.LocalTime.now(java.time.ZoneOffset.UTC).getHour() + 12) % 24;
    write(
        repo,
        "nightly.yaml",
        "name: n\nendpoints: [http://a/]\nschedule: '0 " + hour + " * * *'\n");
    List<BenchmarkProfile> profiles = profilesOf(repo);
    String everyMinute = profiles.get(0).id();
    // Down for three days: 72 hourly slots and three nightly slots were missed.
    LastRuns threeDaysAgo = id -> Optional.of(Instant.now().minus(Duration.ofDays(3)));
    scheduler = new BenchmarkScheduler(quickRunner(runs), threeDaysAgo, listener, 2);

    scheduler.sync(profiles);

    await().atMost(Duration.ofSeconds(20)).until(() -> runs.get() >= 2);
    Thread.sleep(1500);
    assertThat(runs.get()).isEqualTo(2);
    assertThat(finished).containsExactlyInAnyOrder("m", "n");
    assertThat(scheduler.nextRun(everyMinute).orElseThrow()).isAfter(Instant.now());
  }

  @Test
  void aProfileThatRanRecentlyIsNotCaughtUp(@TempDir Path repo) throws Exception {
    AtomicInteger runs = new AtomicInteger();
    write(repo, "nightly.yaml", "name: n\nendpoints: [http://a/]\nschedule: '0 2 * * *'\n");
    LastRuns justNow = id -> Optional.of(Instant.now());
    scheduler = new BenchmarkScheduler(quickRunner(runs), justNow, listener, 2);

    scheduler.sync(profilesOf(repo));

    Thread.sleep(1000);
    assertThat(runs.get()).isZero();
  }

  @Test
  void runsOfOneProfileNeverOverlap(@TempDir Path repo) throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    BenchmarkRunner slow =
        (profile, progress) -> {
          mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
          release.await(10, TimeUnit.SECONDS);
          running.decrementAndGet();
          runs.incrementAndGet();
          return null;
        };
    write(repo, "p.yaml", "name: p\nendpoints: [http://a/]\n");
    scheduler = new BenchmarkScheduler(slow, LastRuns.NONE, listener, 3);
    scheduler.sync(profilesOf(repo));
    String id = profilesOf(repo).get(0).id();

    scheduler.runNow(id);
    scheduler.runNow(id);
    scheduler.runNow(id);
    await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 1);
    Thread.sleep(500);
    release.countDown();

    await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 3);
    assertThat(mostAtOnce.get()).isEqualTo(1);
  }
}
