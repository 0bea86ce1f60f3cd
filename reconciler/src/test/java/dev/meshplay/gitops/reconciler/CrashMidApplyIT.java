package dev.meshplay.gitops.reconciler;

import static dev.meshplay.gitops.reconciler.ApiServerFaultsIT.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.reconciler.faults.Fault;
import dev.meshplay.gitops.reconciler.inventory.Ownership;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code serve} is killed with SIGKILL while it applies a commit that removes half of 150 objects,
 * adds as many and changes some; restarted on the same work directory it converges to that commit
 * with an exact inventory, no orphan, no duplicate, and the untouched objects keep their uid. The
 * sandbox lives in this JVM, so the cluster outlives the daemon; a slowed proxy in front of it
 * stretches the apply to seconds so the kill lands inside it.
 */
class CrashMidApplyIT {
  private static final String SOURCE = "shop";
  private static final String NAMESPACE = "shop";
  @TempDir Path tmp;

  /**
   * Where the kill lands: early in the apply, in its middle, and during the prune, with 150 objects
   * ({@code -Dcrash.all=true}, about 3.5 minutes). CI runs one kill mid-apply with 60 objects
   * (about a minute).
   */
  static Stream<Arguments> killPoints() {
    if (!Boolean.getBoolean("crash.all")) {
      return Stream.of(Arguments.of(60, "PATCH", 20));
    }
    return Stream.of(
        Arguments.of(150, "PATCH", 5),
        Arguments.of(150, "PATCH", 60),
        Arguments.of(150, "DELETE", 20));
  }

  /**
   * @param objects how many ConfigMaps commit 1 has; commit 2 removes half, adds as many, changes a
   *     sixth and leaves the rest
   * @param method the request the kill waits for: PATCH (apply) or DELETE (prune)
   * @param count how many of those commit 2 has sent when the daemon is killed
   */
  @ParameterizedTest(name = "{0} objects, killed after {2} {1} requests")
  @MethodSource("killPoints")
  void killedMidApplyTheRestartedDaemonConverges(int objects, String method, int count)
      throws Exception {
    List<String> first = names("c", 0, objects);
    List<String> removed = first.subList(0, objects / 2);
    List<String> changed = first.subList(objects / 2, objects / 2 + objects / 6);
    List<String> kept = first.subList(objects / 2, objects);
    List<String> second =
        Stream.concat(kept.stream(), names("d", 0, objects / 2).stream()).toList();
    Map<String, String> values = new HashMap<>();
    changed.forEach(name -> values.put(name, "v2"));
    try (DesignRepository repo = DesignRepository.init(tmp.resolve("repo"));
        ProxiedSandbox cluster = ProxiedSandbox.start()) {
      repo.write("manifests/shop/objects.yaml", ConfigMaps.yaml(NAMESPACE, first, Map.of(), "v1"));
      String firstCommit = repo.commit(objects + " config maps");
      Path config = serveConfig(repo.dir(), cluster.writeKubeconfig(tmp.resolve("kubeconfig")));

      Serve serve = Serve.start(config);
      try {
        awaitApplied(serve.page(), firstCommit);
      } catch (RuntimeException e) {
        serve.kill();
        throw e;
      }
      Map<String, String> uids = uids(cluster);

      cluster.proxy().set(Fault.slow(Duration.ofMillis(20), 16 * 1024));
      cluster.proxy().cutAll();
      long before = cluster.requests(method);
      repo.write("manifests/shop/objects.yaml", ConfigMaps.yaml(NAMESPACE, second, values, "v1"));
      String secondCommit =
          repo.commit(
              "drop %d, add %d, change %d"
                  .formatted(removed.size(), removed.size(), changed.size()));
      try {
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(2))
            .until(() -> cluster.requests(method) >= before + count);
      } finally {
        serve.kill();
      }
      cluster.proxy().set(Fault.pass());
      cluster.proxy().cutAll();
      assertThat(cluster.ownedConfigMaps(NAMESPACE).keySet())
          .as("the kill left commit 2 half applied")
          .isNotEqualTo(new java.util.TreeSet<>(second));

      Instant restarted = Instant.now();
      Serve again = Serve.start(config);
      try {
        awaitApplied(again.page(), secondCommit);
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () ->
                    assertThat(again.page().design(SOURCE).path("status").asString())
                        .isEqualTo("Synced"));
      } finally {
        again.kill();
      }
      System.out.printf(
          "kill -9 of %d objects after %d %s of commit 2: converged %d ms after the restart%n",
          objects, count, method, Duration.between(restarted, Instant.now()).toMillis());

      Map<String, ConfigMap> owned = cluster.ownedConfigMaps(NAMESPACE);
      assertThat(owned.keySet())
          .as("no orphan, nothing missing")
          .containsExactlyInAnyOrderElementsOf(second);
      owned.forEach(
          (name, cm) -> {
            assertThat(cm.getData()).containsEntry("value", values.getOrDefault(name, "v1"));
            assertThat(cm.getMetadata().getAnnotations())
                .containsEntry(Ownership.DESIGN, "manifests/shop");
          });
      assertThat(ownedElsewhere(cluster)).as("owned objects outside the namespace").isEmpty();
      List<String> expected = new ArrayList<>();
      second.forEach(name -> expected.add("v1 ConfigMap " + NAMESPACE + " " + name));
      expected.add("v1 Namespace - " + NAMESPACE);
      assertThat(cluster.inventoryLines(SOURCE))
          .as("the inventory lists commit 2, each object once")
          .containsExactlyInAnyOrderElementsOf(expected);
      Map<String, String> after = uids(cluster);
      kept.forEach(
          name -> assertThat(after.get(name)).as("uid of " + name).isEqualTo(uids.get(name)));
    }
  }

  private Path serveConfig(Path repo, Path kubeconfig) throws Exception {
    Path config = tmp.resolve("serve.yaml");
    Files.writeString(
        config,
        """
        host: 127.0.0.1
        port: 0
        interval: 1s
        workDir: %s
        sources:
          - name: %s
            url: %s
        cluster:
          name: sandbox
          kubeconfig: %s
        """
            .formatted(tmp.resolve("state"), SOURCE, repo, kubeconfig));
    return config;
  }

  private static void awaitApplied(StatusClient page, String commit) {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> commit.equals(page.appliedCommit()));
  }

  private static Map<String, String> uids(ProxiedSandbox cluster) {
    Map<String, String> uids = new HashMap<>();
    cluster
        .ownedConfigMaps(NAMESPACE)
        .forEach((name, cm) -> uids.put(name, cm.getMetadata().getUid()));
    return uids;
  }

  /** Objects with our manager label outside the design's namespace, but for the inventory. */
  private static List<String> ownedElsewhere(ProxiedSandbox cluster) {
    return cluster
        .direct()
        .configMaps()
        .inAnyNamespace()
        .withLabel(Ownership.MANAGED_BY, Ownership.MANAGER)
        .list()
        .getItems()
        .stream()
        .filter(cm -> !NAMESPACE.equals(cm.getMetadata().getNamespace()))
        .map(cm -> cm.getMetadata().getNamespace() + "/" + cm.getMetadata().getName())
        .filter(name -> !name.equals("meshplay-system/inventory-" + SOURCE))
        .toList();
  }

  /** {@code serve} in a child JVM on this test's classpath, killed with SIGKILL. */
  private record Serve(Process process, StatusClient page, Thread drain) {
    static Serve start(Path config) throws Exception {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process =
          new ProcessBuilder(
                  java,
                  "-Xmx512m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  "dev.meshplay.gitops.reconciler.Main",
                  "serve",
                  "--config",
                  config.toString())
              .redirectErrorStream(true)
              .start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String port = null;
      String line;
      while (port == null && (line = out.readLine()) != null) {
        if (line.startsWith("Serving ")) {
          port = line.replaceAll(".*:(\\d+)$", "$1");
        }
      }
      if (port == null) {
        process.destroyForcibly();
        throw new AssertionError("serve exited before serving: " + process.waitFor());
      }
      // Keep reading so a full pipe never blocks the daemon.
      Thread drain = Thread.ofVirtual().start(() -> out.lines().forEach(l -> {}));
      return new Serve(process, new StatusClient(Integer.parseInt(port)), drain);
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
