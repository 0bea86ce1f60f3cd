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
import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The daemon against a real Git server ({@code git daemon}, git://) with a {@link FaultProxy} in
 * between: the remote down, slow, stalled, answering garbage, cut mid-fetch. Two sources: {@code
 * flaky} through the proxy, {@code steady} straight to the server. What is checked is what a user
 * sees: the status API, the page, metrics, events, the cluster's objects. The push race of
 * commit-back is in {@link CommitBackFaultsIT}.
 */
class GitFaultsIT {
  private static final Duration INTERVAL = Duration.ofMillis(500);
  private static final Duration GIT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration OUTAGE = Duration.ofSeconds(6);
  private static final Duration PATIENCE = Duration.ofSeconds(45);

  @TempDir Path tmp;
  private Path served;
  private GitDaemonServer git;
  private FaultProxy proxy;
  private DesignRepository flaky;
  private DesignRepository steady;
  private SandboxCluster sandbox;
  private Daemon daemon;
  private StatusClient page;

  @BeforeEach
  void start() throws Exception {
    served = Files.createDirectories(tmp.resolve("served"));
    flaky = DesignRepository.init(served.resolve("flaky"));
    steady = DesignRepository.init(served.resolve("steady"));
    git = GitDaemonServer.serve(served, tmp.resolve("git-daemon.log"));
    proxy = FaultProxy.to(git.port());
    sandbox = SandboxCluster.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
    proxy.close();
    git.close();
    sandbox.close();
    flaky.close();
    steady.close();
  }

  @Test
  void remoteDownKeepsTheLastGoodStateBacksOffAndRecoversWithoutRestart() throws Exception {
    String good = commitBoth("one");
    startDaemon();
    awaitApplied("flaky", good);
    Map<String, String> goodVersions = flakyVersions();
    long goodWrites = writes();
    double errorsBefore = pollErrors();

    proxy.set(Fault.refuse());
    Instant down = Instant.now();
    String missed =
        flaky.write("manifests/flaky/settings.yaml", configMap("flaky", "two")).commit("two");
    JsonNode error = awaitSourceError("flaky");
    sleepUntil(down.plus(OUTAGE));
    int attempts = attemptsSince(down);

    assertThat(error.asString()).contains("source flaky").contains(displayedUrl());
    assertThat(page.get("/").body()).contains("flaky").contains(displayedUrl());
    assertThat(page.get("/healthz").statusCode()).isEqualTo(200);
    assertThat(applied("flaky")).isEqualTo(good);
    assertThat(flakyVersions()).isEqualTo(goodVersions);
    assertThat(writes() - goodWrites).as("write requests while the remote was down").isZero();
    assertThat(pollErrors()).isGreaterThan(errorsBefore);
    assertThat(eventKinds("flaky")).contains("git-unreachable");
    // Polling every 500 ms would make about 12 attempts in 6 s; the backoff doubles the wait.
    assertThat(attempts).as("connection attempts in %s", OUTAGE).isBetween(2, 7);

    // A hand edit while the remote is still down is repaired from the last commit fetched.
    sandbox
        .client()
        .configMaps()
        .inNamespace("flaky")
        .withName("settings")
        .edit(
            cm -> {
              cm.getData().put("greeting", "edited by hand");
              return cm;
            });
    await().atMost(PATIENCE).until(() -> greeting("flaky").equals("one"));
    assertThat(source("flaky").path("error").asString()).contains("source flaky");
    assertThat(applied("flaky")).isEqualTo(good);

    proxy.set(Fault.pass());
    Instant up = Instant.now();
    awaitApplied("flaky", missed);
    assertThat(greeting("flaky")).isEqualTo("two");
    assertThat(source("flaky").path("error").isNull()).isTrue();
    figure("refuse", attempts, Duration.between(up, Instant.now()));
  }

  @Test
  void stalledRemoteTimesOutWhileTheOtherSourceKeepsSyncing() throws Exception {
    String good = commitBoth("one");
    startDaemon();
    awaitApplied("flaky", good);
    Map<String, String> goodVersions = flakyVersions();

    proxy.set(Fault.stall());
    Instant stalled = Instant.now();
    String missed =
        flaky.write("manifests/flaky/settings.yaml", configMap("flaky", "two")).commit("two");
    // Without a timeout the poll would wait on the socket forever and no error would ever show.
    assertThat(awaitSourceError("flaky").asString())
        .contains("source flaky")
        .contains(displayedUrl())
        .containsIgnoringCase("timed out");
    String other =
        steady.write("manifests/steady/settings.yaml", configMap("steady", "two")).commit("two");
    awaitApplied("steady", other);
    assertThat(applied("flaky")).isEqualTo(good);
    assertThat(flakyVersions()).isEqualTo(goodVersions);
    int attempts = attemptsSince(stalled);

    proxy.set(Fault.pass());
    Instant up = Instant.now();
    awaitApplied("flaky", missed);
    assertThat(greeting("flaky")).isEqualTo("two");
    figure("stall", attempts, Duration.between(up, Instant.now()));
  }

  @Test
  void slowRemoteStillSyncsAndDoesNotHoldBackTheOtherSource() throws Exception {
    String good = commitBoth("one");
    startDaemon();
    awaitApplied("flaky", good);

    proxy.set(Fault.slow(Duration.ofMillis(200), 512));
    Instant slowed = Instant.now();
    String big =
        flaky
            .write("manifests/flaky/settings.yaml", configMap("flaky", "two"))
            .write("manifests/flaky/big.yaml", bigConfigMap("flaky", 6_000))
            .commit("two, and a bigger file");
    String other =
        steady.write("manifests/steady/settings.yaml", configMap("steady", "two")).commit("two");
    awaitApplied("steady", other);
    awaitApplied("flaky", big);
    assertThat(greeting("flaky")).isEqualTo("two");
    assertThat(proxy.connections())
        .as("the flaky source's traffic went through the slow link")
        .anyMatch(c -> c.fault().equals("Slow") && c.firstLine().contains("git-upload-pack"));
    int attempts = attemptsSince(slowed);

    proxy.set(Fault.pass());
    Instant up = Instant.now();
    String next =
        flaky.write("manifests/flaky/settings.yaml", configMap("flaky", "three")).commit("3");
    awaitApplied("flaky", next);
    figure("slow", attempts, Duration.between(up, Instant.now()));
  }

  @Test
  void garbageOrACutFetchAppliesNothingAndLeavesNoCorruptMirror() throws Exception {
    String good = commitBoth("one");
    startDaemon();
    awaitApplied("flaky", good);
    Map<String, String> goodVersions = flakyVersions();
    long goodWrites = writes();

    proxy.set(Fault.garbage("HTTP/1.1 502 Bad Gateway\r\n\r\n<html>upstream error</html>"));
    Instant garbled = Instant.now();
    flaky.write("manifests/flaky/settings.yaml", configMap("flaky", "two")).commit("two");
    assertThat(awaitSourceError("flaky").asString())
        .contains("source flaky")
        .contains(displayedUrl());
    await().atMost(PATIENCE).until(() -> attemptsSince(garbled) >= 2);
    assertThat(applied("flaky")).isEqualTo(good);
    assertThat(flakyVersions()).isEqualTo(goodVersions);
    assertThat(writes() - goodWrites)
        .as("write requests while the remote answered garbage")
        .isZero();
    int garbageAttempts = attemptsSince(garbled);

    // A fetch cut half-way: the first fetch after the garbage brings a big file's pack, which
    // trickles in over a slow link until the connection drops.
    String big =
        flaky.write("manifests/flaky/big.yaml", bigConfigMap("flaky", 20_000)).commit("big file");
    proxy.set(Fault.slow(Duration.ofMillis(200), 256));
    Instant slowed = Instant.now();
    await().atMost(PATIENCE).until(() -> uploadPacksSince(slowed) >= 2);
    Thread.sleep(700);
    proxy.set(Fault.pass());
    proxy.cutAll();
    Instant up = Instant.now();
    awaitApplied("flaky", big);
    assertThat(greeting("flaky")).isEqualTo("two");
    assertThat(sandbox.client().configMaps().inNamespace("flaky").withName("big").get())
        .isNotNull();
    Process fsck =
        new ProcessBuilder("git", "fsck", "--no-progress")
            .directory(tmp.resolve("state/mirrors/flaky.git").toFile())
            .redirectErrorStream(true)
            .start();
    String fsckOutput = new String(fsck.getInputStream().readAllBytes());
    assertThat(fsck.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(fsck.exitValue()).as("git fsck of the mirror: %s", fsckOutput).isZero();
    figure("garbage + cut fetch", garbageAttempts, Duration.between(up, Instant.now()));
  }

  // --- the daemon and what it shows ---

  private void startDaemon() {
    String flakyUrl = GitDaemonServer.url(proxy.port(), "flaky");
    DaemonConfig config =
        new DaemonConfig(
            "127.0.0.1",
            0,
            tmp.resolve("state"),
            INTERVAL,
            List.of(
                new GitSource("flaky", flakyUrl, "main").withTimeout(GIT_TIMEOUT),
                new GitSource("steady", GitDaemonServer.url(git.port(), "steady"), "main")
                    .withTimeout(GIT_TIMEOUT)),
            ClusterConfig.sandbox());
    daemon =
        Daemon.start(
            config,
            new KubernetesCluster("sandbox", sandbox.client()),
            new RepositoryRenderer(KustomizeRunner.kubectl()));
    page = new StatusClient(daemon.port());
  }

  private String displayedUrl() {
    return "git://127.0.0.1:" + proxy.port() + "/flaky";
  }

  private String commitBoth(String greeting) throws Exception {
    steady
        .write("manifests/steady/namespace.yaml", namespace("steady"))
        .write("manifests/steady/settings.yaml", configMap("steady", greeting))
        .commit("steady: " + greeting);
    return flaky
        .write("manifests/flaky/namespace.yaml", namespace("flaky"))
        .write("manifests/flaky/settings.yaml", configMap("flaky", greeting))
        .commit("flaky: " + greeting);
  }

  private JsonNode source(String name) {
    for (JsonNode source : page.status().path("sources")) {
      if (source.path("name").asString().equals(name)) {
        return source;
      }
    }
    throw new AssertionError("no source " + name + " in " + page.status());
  }

  private String applied(String name) {
    JsonNode id = source(name).path("lastAppliedCommit");
    return id.isNull() ? null : id.asString();
  }

  private void awaitApplied(String name, String commit) {
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(applied(name)).as("%s", source(name)).isEqualTo(commit));
  }

  private JsonNode awaitSourceError(String name) {
    await().atMost(PATIENCE).until(() -> !source(name).path("error").isNull());
    return source(name).path("error");
  }

  private List<String> eventKinds(String name) {
    JsonNode events =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(page.get("/api/v1/events").body())
            .path("events");
    List<String> kinds = new ArrayList<>();
    events.forEach(
        e -> {
          if (e.path("source").asString().equals(name)) {
            kinds.add(e.path("kind").asString());
          }
        });
    return kinds;
  }

  private double pollErrors() {
    Matcher m =
        Pattern.compile(
                "meshplay_gitops_git_poll_errors_total\\{[^}]*source=\"flaky\"[^}]*} (\\S+)")
            .matcher(page.get("/metrics").body());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  // --- the cluster ---

  /** The flaky source's objects and its inventory, by name, with their resourceVersions. */
  private Map<String, String> flakyVersions() {
    Map<String, String> versions = new TreeMap<>();
    var client = sandbox.client();
    Stream.concat(
            client.configMaps().inNamespace("flaky").list().getItems().stream(),
            Stream.ofNullable(
                client
                    .configMaps()
                    .inNamespace("meshplay-system")
                    .withName("inventory-flaky")
                    .get()))
        .forEach(
            cm ->
                versions.put(
                    cm.getMetadata().getNamespace() + "/" + cm.getMetadata().getName(),
                    cm.getMetadata().getResourceVersion()));
    versions.put(
        "namespace/flaky",
        client.namespaces().withName("flaky").get().getMetadata().getResourceVersion());
    return versions;
  }

  private String greeting(String namespace) {
    ConfigMap settings =
        sandbox.client().configMaps().inNamespace(namespace).withName("settings").get();
    return settings.getData().get("greeting");
  }

  private long writes() {
    Map<String, Long> counts = sandbox.requestCounts();
    return Stream.of("POST", "PUT", "PATCH", "DELETE")
        .mapToLong(m -> counts.getOrDefault(m, 0L))
        .sum();
  }

  // --- the proxy's record ---

  private int attemptsSince(Instant since) {
    return (int) proxy.connections().stream().filter(c -> !c.at().isBefore(since)).count();
  }

  private long uploadPacksSince(Instant since) {
    return proxy.connections().stream()
        .filter(c -> !c.at().isBefore(since) && c.firstLine().contains("git-upload-pack"))
        .count();
  }

  /** One line of figures for docs/reliability.md, found in the failsafe report's output. */
  static void figure(String fault, int attempts, Duration recovered) {
    System.out.printf(
        "GIT-FAULT-FIGURE fault=%s connections=%d recovered_ms=%d%n",
        fault, attempts, recovered.toMillis());
  }

  private static void sleepUntil(Instant when) throws InterruptedException {
    long millis = Duration.between(Instant.now(), when).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  // --- manifests ---

  private static String namespace(String name) {
    return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %s
        """
        .formatted(name);
  }

  private static String configMap(String namespace, String greeting) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: %s
        data:
          greeting: %s
        """
        .formatted(namespace, greeting);
  }

  /** A ConfigMap of {@code bytes} random hex: a pack that compresses little and so takes time. */
  private static String bigConfigMap(String namespace, int bytes) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: big
          namespace: %s
        data:
          blob: "%s"
        """
        .formatted(namespace, randomHex(bytes));
  }

  static String randomHex(int chars) {
    byte[] bytes = new byte[chars / 2];
    new Random(chars).nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
