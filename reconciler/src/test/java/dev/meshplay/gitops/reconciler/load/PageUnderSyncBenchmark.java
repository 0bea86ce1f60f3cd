package dev.meshplay.gitops.reconciler.load;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The status page under {@code wrk} while one daemon syncs {@code -Dshape} (default 20 sources x 10
 * designs x 100 objects) with commits landing (a new revision of a random source every 2 s during
 * the first 20 s, each announced by a push webhook). Three phases in one run: the sync without wrk
 * (the named baseline for time to Synced), the same sync with wrk on {@code /} and {@code
 * /api/v1/status} throughout, and wrk on the converged, idle daemon (the named baseline for the
 * page's figures).
 *
 * <pre>
 * MAVEN_OPTS=-Xmx6g ./mvnw -o -q -pl reconciler test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.meshplay.gitops.reconciler.load.PageUnderSyncBenchmark [-Dshape=20x10x100]
 * </pre>
 */
public final class PageUnderSyncBenchmark {
  private static final List<String> PATHS = List.of("/", "/api/v1/status");

  private PageUnderSyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    LoadShape shape = LoadShape.parse(System.getProperty("shape", "20x10x100"));
    System.out.printf("%s (%,d objects), commits landing%n", shape, shape.totalObjects());

    Duration alone;
    try (LoadRun run = LoadRun.start(shape, Duration.ofMinutes(30))) {
      alone = syncWithCommits(run);
      System.out.printf("sync without wrk: Synced in %.1f s%n", alone.toMillis() / 1000.0);
    }

    try (LoadRun run = LoadRun.start(shape, Duration.ofMinutes(30))) {
      // wrk for as long as the sync took alone: the page is loaded for the whole sync.
      List<Wrk> wrks = start(run, alone);
      Duration withWrk = syncWithCommits(run);
      System.out.printf(
          "sync with wrk on the page: Synced in %.1f s (%.2fx the sync alone)%n",
          withWrk.toMillis() / 1000.0, (double) withWrk.toMillis() / alone.toMillis());
      for (Wrk wrk : wrks) {
        System.out.println("  while syncing  " + wrk.result());
      }
      Thread.sleep(2000);
      for (Wrk wrk : start(run, Duration.ofSeconds(20))) {
        System.out.println("  idle (baseline) " + wrk.result());
      }
    }
    System.exit(0);
  }

  private static List<Wrk> start(LoadRun run, Duration duration) throws Exception {
    String base = "http://127.0.0.1:" + run.daemon().port();
    return List.of(
        Wrk.start(base + PATHS.get(0), 4, duration), Wrk.start(base + PATHS.get(1), 4, duration));
  }

  /** Lands ten commits, one every 2 s, then waits for every source to be Synced at its HEAD. */
  private static Duration syncWithCommits(LoadRun run) throws Exception {
    AtomicBoolean failed = new AtomicBoolean();
    Thread committer =
        Thread.ofPlatform()
            .start(
                () -> {
                  Random random = new Random(7);
                  PushHooks hooks = new PushHooks(run.daemon().port());
                  try {
                    for (int i = 1; i <= 10; i++) {
                      Thread.sleep(2000);
                      int s = random.nextInt(run.fleet().shape().sources());
                      String commit = run.fleet().revise(s, i);
                      // The push is announced as a forge would: the interval is far away.
                      hooks
                          .deliver(
                              LoadFleet.sourceName(s),
                              run.fleet().directory(s),
                              commit,
                              "push-" + i,
                              null)
                          .join();
                    }
                  } catch (InterruptedException | RuntimeException e) {
                    failed.set(true);
                  }
                });
    committer.join();
    if (failed.get()) {
      throw new IllegalStateException("a commit did not land");
    }
    return run.awaitSynced(Duration.ofHours(2));
  }
}
