package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.faults.Fault;
import dev.meshplay.gitops.reconciler.faults.FaultProxy;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The API server misbehaves between the daemon and the sandbox (5xx, 429, a hang, dropped watches):
 * the daemon reports it per cluster, prunes nothing on an incomplete view, keeps its page up, and
 * converges once the fault is lifted. Figures go to docs/reliability.md section 2.
 */
class ApiServerFaultsIT {
  private static final String SOURCE = "shop";
  private static final String NAMESPACE = "shop";
  private static final String SERVICE_UNAVAILABLE =
      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
          + "\"reason\":\"ServiceUnavailable\",\"message\":\"injected\",\"code\":503}";
  private static final String TOO_MANY_REQUESTS =
      "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
          + "\"reason\":\"TooManyRequests\",\"message\":\"injected\",\"code\":429}";

  @TempDir Path tmp;
  private DesignRepository repo;
  private ProxiedSandbox cluster;
  private KubernetesClient daemonClient;
  private Daemon daemon;
  private StatusClient page;

  @BeforeEach
  void start() throws Exception {
    repo = DesignRepository.init(tmp.resolve("repo"));
    cluster = ProxiedSandbox.start();
  }

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close();
    }
    if (daemonClient != null) {
      daemonClient.close();
    }
    cluster.close();
    repo.close();
  }

  @Test
  void serverErrorsMidApplyPruneNothingAndTheNextPassConverges() throws Exception {
    String first = commit(names("a", 0, 30), Map.of(), "30 config maps");
    startDaemon(Duration.ofSeconds(2), 1);
    awaitApplied(first);

    // Slow every request so the burst of 503s starts with most of commit 2 still to apply.
    FaultProxy proxy = cluster.proxy();
    proxy.set(Fault.slow(Duration.ofMillis(30), 16 * 1024));
    proxy.cutAll();
    long deletes = cluster.requests("DELETE");
    long patches = cluster.requests("PATCH");
    List<String> second = concat(names("a", 10, 30), names("b", 0, 10));
    String secondCommit = commit(second, Map.of("a10", "v2", "a11", "v2", "a12", "v2"), "swap");
    await()
        .pollInterval(Duration.ofMillis(5))
        .atMost(Duration.ofSeconds(30))
        .until(() -> cluster.requests("PATCH") > patches);
    proxy.set(Fault.http(Integer.MAX_VALUE, 503, Map.of(), SERVICE_UNAVAILABLE));
    proxy.cutAll();

    String shown = awaitFailureShown();
    assertThat(shown).containsAnyOf("503", "ServiceUnavailable", "Service Unavailable");
    Thread.sleep(2_000); // a few more failing passes
    assertThat(cluster.requests("DELETE")).as("DELETE requests under the fault").isEqualTo(deletes);
    assertThat(cluster.ownedConfigMaps(NAMESPACE).keySet())
        .as("commit 1's objects are all still there")
        .containsAll(names("a", 0, 30));

    proxy.set(Fault.pass());
    Instant lifted = Instant.now();
    awaitApplied(secondCommit);
    System.out.printf(
        "fault 5xx: converged %d ms after the fault was lifted%n", since(lifted).toMillis());
    assertConverged(second, Map.of("a10", "v2", "a11", "v2", "a12", "v2"));
  }

  @Test
  void tooManyRequestsIsRetriedNoSoonerThanRetryAfter() throws Exception {
    String first = commit(names("a", 0, 5), Map.of(), "5 config maps");
    // The daemon's first request gets 429 with Retry-After: 2.
    cluster.proxy().set(Fault.http(1, 429, Map.of("Retry-After", "2"), TOO_MANY_REQUESTS));
    startDaemon(Duration.ofSeconds(5), 3);
    awaitApplied(first);

    List<FaultProxy.Connection> connections = cluster.proxy().connections();
    FaultProxy.Connection refused =
        connections.stream().filter(c -> c.fault().equals("HttpAnswer")).findFirst().orElseThrow();
    FaultProxy.Connection retried =
        connections.stream()
            .filter(c -> c.at().isAfter(refused.at()))
            .filter(c -> c.firstLine().equals(refused.firstLine()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("never retried: " + refused.firstLine()));
    Duration waited = Duration.between(refused.at(), retried.at());
    System.out.printf(
        "fault 429: %s retried after %d ms (Retry-After: 2)%n",
        refused.firstLine(), waited.toMillis());
    assertConverged(names("a", 0, 5), Map.of());
    assertThat(
            page.status().path("sources").path(0).path("clusters").path(0).path("error").isNull())
        .as("no error left on the page")
        .isTrue();
  }

  @Test
  void aHungApiServerTimesOutIsReportedAndThePageStaysUp() throws Exception {
    String first = commit(names("a", 0, 5), Map.of(), "5 config maps");
    startDaemon(Duration.ofSeconds(1), 1);
    awaitApplied(first);

    cluster.proxy().set(Fault.stall());
    cluster.proxy().cutAll();
    String second = commit(names("a", 0, 5), Map.of("a01", "v2"), "change a01");
    String shown = awaitFailureShown();
    System.out.println("fault stall: shown as: " + shown);
    assertThat(shown).containsIgnoringCase("timeout");
    assertThat(quickGet("/healthz").statusCode()).isEqualTo(200);
    assertThat(quickGet("/").body()).contains(SOURCE);
    assertThat(quickGet("/api/v1/status").statusCode()).isEqualTo(200);

    cluster.proxy().set(Fault.pass());
    cluster.proxy().cutAll();
    Instant lifted = Instant.now();
    awaitApplied(second);
    System.out.printf(
        "fault stall: converged %d ms after the fault was lifted%n", since(lifted).toMillis());
    assertConverged(names("a", 0, 5), Map.of("a01", "v2"));
  }

  @Test
  void droppedWatchesComeBackAndDriftMadeMeanwhileIsRepaired() throws Exception {
    String first = commit(names("a", 0, 10), Map.of(), "10 config maps");
    startDaemon(Duration.ofSeconds(5), 3);
    awaitApplied(first);
    await().atMost(Duration.ofSeconds(20)).until(() -> cluster.requests("WATCH") > 0);
    Thread.sleep(1_000); // every kind's watch open
    long watches = cluster.requests("WATCH");
    long gets = cluster.requests("GET");

    cluster.proxy().set(Fault.refuse());
    cluster.proxy().cutAll();
    KubernetesClient direct = cluster.direct();
    direct
        .configMaps()
        .inNamespace(NAMESPACE)
        .withName("a01")
        .edit(
            cm ->
                new io.fabric8.kubernetes.api.model.ConfigMapBuilder(cm)
                    .addToData("value", "drifted")
                    .build());
    direct.configMaps().inNamespace(NAMESPACE).withName("a02").delete();
    Thread.sleep(1_500); // the watches stay down a while
    cluster.proxy().set(Fault.pass());
    Instant lifted = Instant.now();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Map<String, ConfigMap> owned = cluster.ownedConfigMaps(NAMESPACE);
              return owned.containsKey("a02")
                  && "v1".equals(owned.get("a01").getData().get("value"));
            });
    System.out.printf(
        "fault watch drop: drift repaired %d ms after the API server came back; %d watch and %d"
            + " GET requests since the cut%n",
        since(lifted).toMillis(),
        cluster.requests("WATCH") - watches,
        cluster.requests("GET") - gets);
    assertThat(cluster.requests("WATCH") - watches)
        .as("watches opened again: one per watched kind (Namespace, ConfigMap) at most twice")
        .isLessThanOrEqualTo(4);
    assertConverged(names("a", 0, 10), Map.of());
  }

  private void startDaemon(Duration requestTimeout, int retries) {
    daemonClient = cluster.daemonClient(requestTimeout, retries);
    DaemonConfig config =
        new DaemonConfig(
            "127.0.0.1",
            0,
            tmp.resolve("state"),
            Duration.ofMillis(500),
            List.of(new GitSource(SOURCE, repo.dir().toString(), "main")),
            ClusterConfig.sandbox());
    daemon =
        Daemon.start(
            config,
            new KubernetesCluster("sandbox", daemonClient),
            new RepositoryRenderer(KustomizeRunner.kubectl()));
    page = new StatusClient(daemon.port());
  }

  /** Commits the Namespace and one ConfigMap per name, valued v1 unless {@code changed} says. */
  private String commit(List<String> names, Map<String, String> changed, String message)
      throws Exception {
    repo.write("manifests/shop/objects.yaml", ConfigMaps.yaml(NAMESPACE, names, changed, "v1"));
    return repo.commit(message);
  }

  private void awaitApplied(String commit) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> commit.equals(page.appliedCommit()));
  }

  /** The error the status API shows for the cluster or the design, once there is one. */
  private String awaitFailureShown() {
    String[] shown = new String[1];
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              JsonNode status = page.status();
              JsonNode clusterStatus = status.path("sources").path(0).path("clusters").path(0);
              String error = clusterStatus.path("error").asString("");
              JsonNode design = page.design(SOURCE);
              if (!error.isEmpty()) {
                shown[0] = error;
              } else if (design != null && design.path("status").asString().equals("Failed")) {
                shown[0] = design.toString();
              }
              return shown[0] != null;
            });
    return shown[0];
  }

  /**
   * The cluster holds exactly the commit's config maps with their values, the inventory lists each
   * once and nothing else of the design, and the page shows the design synced.
   */
  private void assertConverged(List<String> names, Map<String, String> changed) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(page.design(SOURCE).path("status").asString()).isEqualTo("Synced"));
    Map<String, ConfigMap> owned = cluster.ownedConfigMaps(NAMESPACE);
    assertThat(owned.keySet()).containsExactlyInAnyOrderElementsOf(names);
    owned.forEach(
        (name, cm) ->
            assertThat(cm.getData()).containsEntry("value", changed.getOrDefault(name, "v1")));
    List<String> inventory = cluster.inventoryLines(SOURCE);
    List<String> expected =
        concat(
            names.stream().map(n -> "v1 ConfigMap " + NAMESPACE + " " + n).toList(),
            List.of("v1 Namespace - " + NAMESPACE));
    assertThat(inventory).containsExactlyInAnyOrderElementsOf(expected);
  }

  private HttpResponse<String> quickGet(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port() + path))
            .timeout(Duration.ofSeconds(5))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  static List<String> names(String prefix, int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> prefix + "%02d".formatted(i)).toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static Duration since(Instant start) {
    return Duration.between(start, Instant.now());
  }
}
