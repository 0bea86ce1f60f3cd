package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passes over unchanged objects cost the API server nothing: reads come from watches, and nothing
 * is written. A change behind our back is still repaired, well before the interval.
 */
class NoOpResyncIT {
  private static final int OBJECTS = 40;

  @TempDir Path tmp;

  @Test
  void unchangedObjectsCostNoRequestsAndDriftIsRepairedFromTheWatch() throws Exception {
    try (DesignRepository repo = DesignRepository.init(tmp.resolve("repo"));
        SandboxCluster sandbox = SandboxCluster.start()) {
      repo.write(
          "manifests/many/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: many\n");
      for (int i = 0; i < OBJECTS; i++) {
        repo.write(
            "manifests/many/cm-" + i + ".yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-%d\n  namespace: many\ndata:\n  i: \"%d\"\n"
                .formatted(i, i));
      }
      String commit = repo.commit("many config maps");
      try (Daemon daemon =
          TestDaemons.start(
              tmp.resolve("state"), repo.dir(), "many", Duration.ofMillis(300), sandbox.client())) {
        StatusClient page = new StatusClient(daemon.port());
        await().atMost(Duration.ofSeconds(30)).until(() -> commit.equals(page.appliedCommit()));
        Thread.sleep(1000); // let the watches settle

        Map<String, Long> before = new HashMap<>(sandbox.requestCounts());
        Thread.sleep(2000); // about six passes at 300 ms
        Map<String, Long> after = sandbox.requestCounts();

        assertThat(delta(before, after, "PATCH")).as("writes").isZero();
        assertThat(delta(before, after, "POST")).as("creates").isZero();
        assertThat(delta(before, after, "PUT")).as("updates").isZero();
        assertThat(delta(before, after, "GET")).as("reads").isLessThan(OBJECTS / 4);

        sandbox
            .client()
            .configMaps()
            .inNamespace("many")
            .withName("cm-7")
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"i\":\"by hand\"}}");
        await()
            .atMost(Duration.ofSeconds(5))
            .until(
                () ->
                    "7"
                        .equals(
                            sandbox
                                .client()
                                .configMaps()
                                .inNamespace("many")
                                .withName("cm-7")
                                .get()
                                .getData()
                                .get("i")));
      }
    }
  }

  @Test
  void aChangeBehindOurBackIsRepairedLongBeforeTheInterval() throws Exception {
    try (DesignRepository repo = DesignRepository.init(tmp.resolve("repo"));
        SandboxCluster sandbox = SandboxCluster.start()) {
      String commit =
          repo.write(
                  "manifests/one/ns.yaml",
                  "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: one\n")
              .write(
                  "manifests/one/cm.yaml",
                  "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  namespace: one\ndata:\n  a: \"1\"\n")
              .commit("one");
      try (Daemon daemon =
          TestDaemons.start(
              tmp.resolve("state"), repo.dir(), "one", Duration.ofHours(1), sandbox.client())) {
        StatusClient page = new StatusClient(daemon.port());
        await().atMost(Duration.ofSeconds(30)).until(() -> commit.equals(page.appliedCommit()));
        Thread.sleep(500); // the first pass started the watches: let them sync

        sandbox
            .client()
            .configMaps()
            .inNamespace("one")
            .withName("cm")
            .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"a\":\"by hand\"}}");

        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    "1"
                        .equals(
                            sandbox
                                .client()
                                .configMaps()
                                .inNamespace("one")
                                .withName("cm")
                                .get()
                                .getData()
                                .get("a")));
      }
    }
  }

  private static long delta(Map<String, Long> before, Map<String, Long> after, String verb) {
    return after.getOrDefault(verb, 0L) - before.getOrDefault(verb, 0L);
  }
}
