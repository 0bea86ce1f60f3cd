package dev.meshplay.gitops.reconciler;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.status.CommitInfo;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Commit → applied latency: the poll path (the daemon notices on its next poll) against the webhook
 * path (a push webhook triggers the poll at once), in one run, same daemon.
 *
 * <pre>
 * ./mvnw -q -pl reconciler test-compile exec:java \
 *   -Dexec.mainClass=dev.meshplay.gitops.reconciler.CommitLatencyBenchmark [-Dcommits=10 -Dinterval=5]
 * </pre>
 */
public final class CommitLatencyBenchmark {
  private CommitLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int commits = Integer.getInteger("commits", 10);
    Duration interval = Duration.ofSeconds(Integer.getInteger("interval", 5));
    Path tmp = Files.createTempDirectory("latency-bench");
    try (DesignRepository repo = DesignRepository.init(tmp.resolve("repo"));
        SandboxCluster sandbox = SandboxCluster.start()) {
      repo.write(
          "manifests/lat/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lat\n");
      String first = repo.commit("start");
      DaemonConfig config =
          new DaemonConfig(
              "127.0.0.1",
              0,
              tmp.resolve("state"),
              interval,
              List.of(new GitSource("lat", repo.dir().toString(), "main")),
              ClusterConfig.sandbox());
      try (Daemon daemon =
          Daemon.start(
              config,
              new KubernetesCluster("sandbox", sandbox.client()),
              new RepositoryRenderer(KustomizeRunner.kubectl()))) {
        await(daemon, first);
        List<Long> poll = new ArrayList<>();
        List<Long> hook = new ArrayList<>();
        for (int i = 0; i < commits; i++) {
          poll.add(latency(daemon, repo, "poll-" + i, false));
          hook.add(latency(daemon, repo, "hook-" + i, true));
        }
        System.out.printf(
            "poll interval %ds, %d commits each%npoll path:    %s%nwebhook path: %s%n",
            interval.toSeconds(), commits, summary(poll), summary(hook));
      }
    }
  }

  private static long latency(Daemon daemon, DesignRepository repo, String name, boolean webhook)
      throws Exception {
    repo.write(
        "manifests/lat/" + name + ".yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\n  namespace: lat\n"
            .formatted(name));
    long start = System.nanoTime();
    String commit = repo.commit(name);
    if (webhook) {
      String body =
          "{\"ref\":\"refs/heads/main\",\"after\":\"%s\",\"repository\":{\"clone_url\":\"file://%s\"}}"
              .formatted(commit, repo.dir());
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + daemon.port() + "/hooks/github/lat"))
                  .header("X-GitHub-Event", "push")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
    }
    await(daemon, commit);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void await(Daemon daemon, String commit) throws InterruptedException {
    while (true) {
      CommitInfo applied = daemon.store().sources().get(0).applied();
      if (applied != null && applied.id().equals(commit)) {
        return;
      }
      Thread.sleep(5);
    }
  }

  private static String summary(List<Long> millis) {
    List<Long> sorted = millis.stream().sorted().toList();
    return "p50 %d ms, max %d ms (all: %s)"
        .formatted(sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), millis);
  }
}
