package dev.meshplay.gitops.git;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.Daemon;
import org.eclipse.jgit.transport.UploadPack;
import org.eclipse.jgit.util.FileUtils;

/**
 * The cost of a poll round when nothing changed: 100 sources served over git:// by JGit's daemon on
 * the loopback, polled by {@link SourceMirror}, against {@code git ls-remote} run as a process for
 * the same sources in the same run. Counts the upload-pack sessions the server saw per round.
 *
 * <p>Run: {@code ./mvnw -q -pl git test-compile exec:java
 * -Dexec.mainClass=dev.meshplay.gitops.git.PollCostBenchmark} (optional args: sources rounds
 * threads).
 */
public final class PollCostBenchmark {
  private PollCostBenchmark() {}

  public static void main(String[] args) throws Exception {
    int sources = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    Path work = Files.createTempDirectory("poll-cost-");
    AtomicInteger sessions = new AtomicInteger();
    Map<String, Repository> served = new ConcurrentHashMap<>();
    List<SourceMirror> mirrors = new ArrayList<>();
    Daemon daemon = new Daemon(new InetSocketAddress("127.0.0.1", 0));
    try {
      for (int i = 0; i < sources; i++) {
        BareRemote remote = BareRemote.init(work.resolve("srv/repo-" + i + ".git"));
        remote.commit("main", "designs/app.yaml", "name: app-" + i + "\n", "seed");
        served.put("/repo-" + i + ".git", remote.repository());
      }
      daemon.setRepositoryResolver(
          (client, name) -> {
            Repository repository = served.get(name.startsWith("/") ? name : "/" + name);
            repository.incrementOpen();
            return repository;
          });
      daemon.setUploadPackFactory(
          (client, repository) -> {
            sessions.incrementAndGet();
            return new UploadPack(repository);
          });
      daemon.start();
      String base = "git://127.0.0.1:" + daemon.getAddress().getPort() + "/repo-";
      List<String> urls = new ArrayList<>();
      for (int i = 0; i < sources; i++) {
        urls.add(base + i + ".git");
        mirrors.add(
            SourceMirror.open(new GitSource("s" + i, urls.get(i), "main"), work.resolve("cache")));
      }
      mirrors.forEach(SourceMirror::poll); // the first fetch, not measured
      System.out.printf(
          "%d sources over git:// on 127.0.0.1, %d no-change rounds each, JDK %s, %d CPUs%n",
          sources, rounds, Runtime.version(), Runtime.getRuntime().availableProcessors());
      System.out.println(
          "| method | threads | wall ms / round (median) | server sessions / round |");
      System.out.println("|---|---|---|---|");
      for (int t : List.of(1, threads)) {
        measure(
            "SourceMirror.poll()",
            t,
            rounds,
            sessions,
            mirrors.size(),
            i -> {
              if (mirrors.get(i).poll().fetched()) {
                throw new IllegalStateException("no-change poll fetched");
              }
            });
        measure(
            "git ls-remote (process)",
            t,
            rounds,
            sessions,
            urls.size(),
            i -> lsRemote(urls.get(i)));
      }
    } finally {
      mirrors.forEach(SourceMirror::close);
      daemon.stop();
      served.values().forEach(Repository::close);
      FileUtils.delete(work.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
    }
    System.exit(0);
  }

  private interface Task {
    void run(int index) throws Exception;
  }

  private static void measure(
      String method, int threads, int rounds, AtomicInteger sessions, int count, Task task)
      throws Exception {
    long[] wall = new long[rounds];
    int before = sessions.get();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int r = 0; r < rounds; r++) {
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          int index = i;
          futures.add(
              pool.submit(
                  () -> {
                    task.run(index);
                    return null;
                  }));
        }
        for (Future<?> future : futures) {
          future.get();
        }
        wall[r] = System.nanoTime() - start;
      }
    }
    java.util.Arrays.sort(wall);
    System.out.printf(
        "| %s | %d | %.1f | %.0f |%n",
        method, threads, wall[rounds / 2] / 1e6, (sessions.get() - before) / (double) rounds);
  }

  private static void lsRemote(String url) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("git", "ls-remote", url, "refs/heads/main")
            .redirectErrorStream(true)
            .start();
    String out = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0 || !out.contains("refs/heads/main")) {
      throw new IllegalStateException("git ls-remote " + url + " failed: " + out);
    }
  }
}
