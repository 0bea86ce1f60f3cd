package dev.meshplay.gitops.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.reconciler.cluster.KubernetesCluster;
import dev.meshplay.gitops.reconciler.config.ClusterConfig;
import dev.meshplay.gitops.reconciler.config.DaemonConfig;
import dev.meshplay.gitops.reconciler.loop.Target;
import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.RepositoryRenderer;
import dev.meshplay.gitops.sandbox.SandboxCluster;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Several sandboxes as several clusters: targets from meshplay.yaml, one cluster down while the
 * other syncs, prune after a restart from the stored inventory, refusals and suspension.
 */
class MultiClusterIT {
  @TempDir Path tmp;
  private DesignRepository repo;
  private SandboxCluster east;
  private SandboxCluster west;
  private Daemon daemon;
  private KubernetesClient westClient;
  private StatusClient page;

  @BeforeEach
  void start() throws Exception {
    repo = DesignRepository.init(tmp.resolve("repo"));
    east = SandboxCluster.start().simulateControllers();
    west = SandboxCluster.start().simulateControllers();
    // Our own client, so that stopping the west server looks like an outage, not a closed client.
    westClient =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(Config.empty())
                    .withMasterUrl(west.url().toString())
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build();
  }

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close();
    }
    westClient.close();
    east.close();
    west.close();
    repo.close();
  }

  private void startDaemon() {
    DaemonConfig config =
        new DaemonConfig(
            "127.0.0.1",
            0,
            tmp.resolve("state"),
            Duration.ofMillis(200),
            List.of(new GitSource("apps", repo.dir().toString(), "main")),
            List.of(ClusterConfig.sandbox("east", Map.of("env", "prod"))));
    List<Target> targets =
        List.of(
            new Target("east", Map.of("env", "prod"), new KubernetesCluster("east", east.client())),
            new Target(
                "west", Map.of("env", "staging"), new KubernetesCluster("west", westClient)));
    daemon = Daemon.start(config, targets, new RepositoryRenderer(KustomizeRunner.kubectl()));
    page = new StatusClient(daemon.port());
  }

  @Test
  void designsGoToTheClustersTheirTargetsSelect() throws Exception {
    String commit =
        repo.write("manifests/common/ns.yaml", namespace("common"))
            .write("manifests/prod-only/ns.yaml", namespace("prod-only"))
            .write(
                "meshplay.yaml",
                """
                spec:
                  designs:
                    manifests/prod-only:
                      targets: [{matchLabels: {env: prod}}]
                """)
            .commit("targets");
    startDaemon();

    awaitApplied(commit);
    assertThat(exists(east.client(), "common")).isTrue();
    assertThat(exists(west.client(), "common")).isTrue();
    assertThat(exists(east.client(), "prod-only")).isTrue();
    assertThat(exists(west.client(), "prod-only")).isFalse();
  }

  @Test
  void oneClusterDownDoesNotHoldBackTheOther() throws Exception {
    String first = repo.write("manifests/common/ns.yaml", namespace("common")).commit("one");
    startDaemon();
    awaitApplied(first);

    west.close();
    String second =
        repo.write("manifests/common/cm.yaml", configMap("common", "settings", "v2")).commit("two");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> second.equals(clusterField("east", "lastAppliedCommit")));
    assertThat(east.client().configMaps().inNamespace("common").withName("settings").get())
        .isNotNull();
    await().atMost(Duration.ofSeconds(30)).until(() -> !clusterField("west", "error").isEmpty());
    assertThat(clusterField("west", "error")).contains("west");
    assertThat(page.appliedCommit()).as("not applied everywhere").isNull();
  }

  @Test
  void aRestartedDaemonPrunesExactlyFromTheStoredInventory() throws Exception {
    String first =
        repo.write("manifests/common/ns.yaml", namespace("common"))
            .write("manifests/common/a.yaml", configMap("common", "a", "1"))
            .write("manifests/common/b.yaml", configMap("common", "b", "1"))
            .commit("three objects");
    startDaemon();
    awaitApplied(first);
    daemon.close();
    east.client()
        .configMaps()
        .inNamespace("common")
        .resource(
            new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata()
                .withName("by-hand")
                .withNamespace("common")
                .endMetadata()
                .build())
        .create();

    String second = repo.delete("manifests/common/b.yaml").commit("drop b");
    startDaemon();
    awaitApplied(second);

    assertThat(east.client().configMaps().inNamespace("common").withName("b").get()).isNull();
    assertThat(east.client().configMaps().inNamespace("common").withName("a").get()).isNotNull();
    assertThat(east.client().configMaps().inNamespace("common").withName("by-hand").get())
        .as("never ours, never pruned")
        .isNotNull();
  }

  @Test
  void aCommitDeletingMostOfADesignIsRefusedLoudly() throws Exception {
    repo.write("manifests/common/ns.yaml", namespace("common"));
    for (String name : List.of("a", "b", "c", "d")) {
      repo.write("manifests/common/" + name + ".yaml", configMap("common", name, "1"));
    }
    String first = repo.commit("five objects");
    startDaemon();
    awaitApplied(first);

    for (String name : List.of("a", "b", "c", "d")) {
      repo.delete("manifests/common/" + name + ".yaml");
    }
    repo.commit("delete most");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> design("common", "east").path("message").asString().contains("prune refused"));
    assertThat(design("common", "east").path("status").asString()).isEqualTo("Failed");
    assertThat(east.client().configMaps().inNamespace("common").withName("a").get()).isNotNull();
  }

  @Test
  void aSuspendedDesignIsNeitherAppliedNorPruned() throws Exception {
    String first =
        repo.write("manifests/common/ns.yaml", namespace("common"))
            .write("manifests/common/a.yaml", configMap("common", "a", "1"))
            .write("manifests/common/b.yaml", configMap("common", "b", "1"))
            .commit("two maps");
    startDaemon();
    awaitApplied(first);

    repo.write("meshplay.yaml", "spec:\n  suspend: true\n")
        .write("manifests/common/a.yaml", configMap("common", "a", "2"))
        .delete("manifests/common/b.yaml")
        .commit("suspend, then change");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> design("common", "east").path("status").asString().equals("Suspended"));
    assertThat(east.client().configMaps().inNamespace("common").withName("a").get().getData())
        .containsEntry("value", "1");
    assertThat(east.client().configMaps().inNamespace("common").withName("b").get()).isNotNull();
  }

  private JsonNode design(String name, String cluster) {
    for (JsonNode design : page.status().path("designs")) {
      if (design.path("name").asString().equals(name)
          && design.path("cluster").asString().equals(cluster)) {
        return design;
      }
    }
    return tools.jackson.databind.node.MissingNode.getInstance();
  }

  private String clusterField(String cluster, String field) {
    for (JsonNode c : page.status().path("sources").path(0).path("clusters")) {
      if (c.path("name").asString().equals(cluster)) {
        JsonNode value = c.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asString();
      }
    }
    return "";
  }

  private void awaitApplied(String commit) {
    await().atMost(Duration.ofSeconds(30)).until(() -> commit.equals(page.appliedCommit()));
  }

  private static boolean exists(KubernetesClient client, String namespace) {
    return client.namespaces().withName(namespace).get() != null;
  }

  private static String namespace(String name) {
    return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n";
  }

  private static String configMap(String namespace, String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\n  namespace: %s\ndata:\n  value: \"%s\"\n"
        .formatted(name, namespace, value);
  }
}
