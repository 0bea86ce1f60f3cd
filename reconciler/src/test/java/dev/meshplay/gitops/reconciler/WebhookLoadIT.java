package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.git.Secret;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.events.EventKind;
import dev.meshplay.gitops.reconciler.events.LogUpdate;
import dev.meshplay.gitops.reconciler.load.LoadFleet;
import dev.meshplay.gitops.reconciler.load.LoadShape;
import dev.meshplay.gitops.reconciler.load.PushHooks;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed push deliveries at a fixed rate over 10 sources, with real commits landing between them,
 * some deliveries sent twice at once (a forge's redelivery) and some replayed later: no push is
 * lost (every source ends with its last pushed commit applied), each delivery id is acted on once,
 * and a replay triggers no pass. CI sends 300 in 10 s; the full load, 1,000 in 10 s, is {@code
 * -Dwebhook.deliveries=1000} (it takes about two minutes on a loaded 2-core machine).
 */
class WebhookLoadIT {
  private static final int DELIVERIES = Integer.getInteger("webhook.deliveries", 300);
  private static final int SECONDS = Integer.getInteger("webhook.seconds", 10);
  private static final LoadShape SHAPE = new LoadShape(10, 1, 2);
  private static final String SECRET = "load-secret";

  @TempDir Path tmp;

  /** One planned request: a new delivery (after a push when {@code push}) or a repeat of one. */
  private record Delivery(int source, String id, boolean push, boolean repeat) {}

  @Test
  void noPushIsLostAndRepeatedDeliveriesAreActedOnOnce() throws Exception {
    try (LoadFleet fleet = LoadFleet.create(tmp.resolve("repos"), SHAPE);
        SandboxCluster sandbox = SandboxCluster.start()) {
      Path secretFile = Files.writeString(tmp.resolve("secret"), SECRET);
      Map<String, Secret> secrets = new HashMap<>();
      fleet.sources().forEach(s -> secrets.put(s.name(), Secret.file(secretFile)));
      DaemonConfig config =
          new DaemonConfig(
              "127.0.0.1",
              0,
              tmp.resolve("state"),
              Duration.ofHours(1), // only deliveries (and watched changes) trigger passes
              fleet.sources(),
              List.of(ClusterConfig.sandbox()),
              secrets,
              Map.of());
      try (Daemon daemon =
          Daemon.start(
              config,
              new KubernetesCluster("sandbox", sandbox.client()),
              new RepositoryRenderer(KustomizeRunner.kubectl()))) {
        awaitAtHeads(daemon, fleet);
        AtomicInteger webhookEvents = new AtomicInteger();
        AtomicInteger passes = new AtomicInteger();
        try (AutoCloseable counting =
            daemon.events().subscribe(u -> count(u, webhookEvents, passes))) {
          PushHooks hooks = new PushHooks(daemon.port());
          List<Delivery> plan = plan();
          Map<String, String> pushedCommit = new ConcurrentHashMap<>();
          Histogram latency = new Histogram(60_000_000L, 3);
          long start = System.nanoTime();
          List<CompletableFuture<HttpResponse<String>>> answers =
              send(plan, fleet, hooks, pushedCommit, latency);
          CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
          double sentIn = (System.nanoTime() - start) / 1e9;

          Map<String, Integer> actedOn = new HashMap<>();
          for (int i = 0; i < plan.size(); i++) {
            HttpResponse<String> answer = answers.get(i).join();
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            if (answer.body().startsWith("polling ")) {
              actedOn.merge(plan.get(i).id(), 1, Integer::sum);
            } else {
              assertThat(answer.body()).contains("was received before (replay)");
            }
          }
          long unique = plan.stream().map(Delivery::id).distinct().count();
          assertThat(actedOn).hasSize((int) unique).allSatisfy((id, n) -> assertThat(n).isOne());

          awaitAtHeads(daemon, fleet);
          for (int s = 0; s < SHAPE.sources(); s++) {
            assertThat(
                    sandbox
                        .client()
                        .configMaps()
                        .inNamespace(LoadFleet.namespace(s, 0))
                        .withName("cm-%03d-0-0".formatted(s))
                        .get()
                        .getData()
                        .get("revision"))
                .isEqualTo(String.valueOf(lastRevision(plan, s)));
          }
          await().atMost(Duration.ofSeconds(10)).until(() -> webhookEvents.get() == unique);
          System.out.printf(
              "webhook load: %d deliveries (%d unique, %d pushes, %d repeats) sent in %.1f s;"
                  + " latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms;"
                  + " %d passes = %.2f per delivery%n",
              plan.size(),
              unique,
              plan.stream().filter(Delivery::push).count(),
              plan.stream().filter(Delivery::repeat).count(),
              sentIn,
              latency.getValueAtPercentile(50) / 1000.0,
              latency.getValueAtPercentile(90) / 1000.0,
              latency.getValueAtPercentile(99) / 1000.0,
              latency.getMaxValue() / 1000.0,
              passes.get(),
              (double) passes.get() / plan.size());

          assertRepeatsTriggerNoPass(plan, fleet, hooks, pushedCommit, webhookEvents, passes);
        }
      }
    }
  }

  /** Once everything settled, repeating 50 old deliveries changes no count. */
  private static void assertRepeatsTriggerNoPass(
      List<Delivery> plan,
      LoadFleet fleet,
      PushHooks hooks,
      Map<String, String> pushedCommit,
      AtomicInteger webhookEvents,
      AtomicInteger passes)
      throws Exception {
    Thread.sleep(2000);
    int eventsBefore = webhookEvents.get();
    int passesBefore = passes.get();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (Delivery delivery : plan.subList(0, 50)) {
      answers.add(
          hooks.deliver(
              LoadFleet.sourceName(delivery.source()),
              fleet.directory(delivery.source()),
              pushedCommit.get(delivery.id()),
              delivery.id(),
              SECRET));
    }
    for (CompletableFuture<HttpResponse<String>> answer : answers) {
      assertThat(answer.join().body()).contains("(replay)");
    }
    Thread.sleep(2000);
    assertThat(webhookEvents.get()).isEqualTo(eventsBefore);
    assertThat(passes.get()).isEqualTo(passesBefore);
  }

  /**
   * Seven in ten requests are new deliveries (half of them after a push), two in ten repeat the
   * previous delivery at once, one in ten replays one from at least 50 requests before.
   */
  private static List<Delivery> plan() {
    Random random = new Random(13);
    List<Delivery> plan = new ArrayList<>();
    List<Delivery> fresh = new ArrayList<>();
    for (int i = 0; i < DELIVERIES; i++) {
      int slot = i % 10;
      if (slot >= 7 && fresh.size() > 50) {
        Delivery earlier =
            slot < 9 ? fresh.getLast() : fresh.get(random.nextInt(fresh.size() - 50));
        plan.add(new Delivery(earlier.source(), earlier.id(), false, true));
      } else {
        Delivery delivery =
            new Delivery(
                random.nextInt(SHAPE.sources()), "delivery-" + i, random.nextBoolean(), false);
        plan.add(delivery);
        fresh.add(delivery);
      }
    }
    return plan;
  }

  /**
   * Sends the plan at an even rate over the run. Each source's requests go through one thread, so
   * its pushes land in order and a delivery leaves only after its commit.
   */
  private static List<CompletableFuture<HttpResponse<String>>> send(
      List<Delivery> plan,
      LoadFleet fleet,
      PushHooks hooks,
      Map<String, String> pushedCommit,
      Histogram latency)
      throws InterruptedException {
    List<ExecutorService> perSource = new ArrayList<>();
    for (int s = 0; s < SHAPE.sources(); s++) {
      perSource.add(Executors.newSingleThreadExecutor());
    }
    Map<Integer, Integer> revisions = new ConcurrentHashMap<>();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    long start = System.nanoTime();
    long gap = Duration.ofSeconds(SECONDS).toNanos() / plan.size();
    for (int i = 0; i < plan.size(); i++) {
      long wait = start + i * gap - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      Delivery delivery = plan.get(i);
      int s = delivery.source();
      answers.add(
          CompletableFuture.supplyAsync(
                  () -> {
                    if (delivery.push()) {
                      int revision = revisions.merge(s, 1, Integer::sum);
                      pushedCommit.put(delivery.id(), fleet.revise(s, revision));
                    } else if (!delivery.repeat()) {
                      pushedCommit.put(delivery.id(), fleet.heads().get(LoadFleet.sourceName(s)));
                    }
                    return System.nanoTime();
                  },
                  perSource.get(s))
              .thenCompose(
                  sent ->
                      hooks
                          .deliver(
                              LoadFleet.sourceName(s),
                              fleet.directory(s),
                              pushedCommit.get(delivery.id()),
                              delivery.id(),
                              SECRET)
                          .thenApply(
                              answer -> {
                                synchronized (latency) {
                                  latency.recordValue((System.nanoTime() - sent) / 1000);
                                }
                                return answer;
                              })));
    }
    perSource.forEach(ExecutorService::shutdown);
    return answers;
  }

  private static int lastRevision(List<Delivery> plan, int source) {
    return (int) plan.stream().filter(d -> d.push() && d.source() == source).count();
  }

  private static void count(LogUpdate update, AtomicInteger webhookEvents, AtomicInteger passes) {
    switch (update) {
      case LogUpdate.Recorded recorded -> {
        if (recorded.event().kind() == EventKind.WEBHOOK_RECEIVED) {
          webhookEvents.incrementAndGet();
        }
      }
      case LogUpdate.StatusChanged changed -> passes.incrementAndGet();
    }
  }

  private static void awaitAtHeads(Daemon daemon, LoadFleet fleet) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              Map<String, String> heads = fleet.heads();
              return daemon.store().sources().stream()
                  .allMatch(
                      s -> s.applied() != null && s.applied().id().equals(heads.get(s.name())));
            });
  }
}
