package dev.meshplay.gitops.reconciler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleSettingsTest {
  @TempDir Path tmp;

  private static final String SOURCE = "sources: [{name: a, url: /tmp/a}]\n";

  @Test
  void withoutShardingOrSchedulesOneReplicaOwnsAllAndSchedulesStayInMemory() throws Exception {
    DaemonConfig config = ConfigLoader.load(write(SOURCE));

    assertThat(config.sharding()).isNull();
    assertThat(config.schedules()).isNull();
  }

  @Test
  void shardingDefaultsToFifteenSecondLeasesInMeshplaySystem() throws Exception {
    DaemonConfig config = ConfigLoader.load(write(SOURCE + "sharding: {identity: replica-a}\n"));

    assertThat(config.sharding())
        .isEqualTo(
            new ShardingConfig(
                "meshplay-system",
                "replica-a",
                Duration.ofSeconds(15),
                Duration.ofSeconds(10),
                Duration.ofSeconds(2),
                null,
                null));
  }

  @Test
  void aRenewDeadlineNotShorterThanTheLeaseNamesTheSetting() throws Exception {
    Path file = write(SOURCE + "sharding: {leaseDuration: 5s, renewDeadline: 5s}\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .hasMessage(
            "serve.yaml: sharding.renewDeadline: must be shorter than leaseDuration (PT5S)");
  }

  @Test
  void anIdentityFromAnUnsetVariableNamesTheSetting() throws Exception {
    Path file = write(SOURCE + "sharding: {identity: {env: MESHPLAY_TEST_UNSET_VARIABLE}}\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .hasMessage(
            "serve.yaml: sharding.identity: environment variable MESHPLAY_TEST_UNSET_VARIABLE is not set");
  }

  @Test
  void anUnknownShardingSettingIsRejected() throws Exception {
    Path file = write(SOURCE + "sharding: {leaseDurration: 5s}\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .hasMessageStartingWith("serve.yaml: sharding.leaseDurration: unknown setting");
  }

  @Test
  void schedulesReadTheJdbcUrlAndWhereThePasswordIs() throws Exception {
    DaemonConfig config =
        ConfigLoader.load(
            write(
                SOURCE
                    + "schedules: {jdbcUrl: 'jdbc:postgresql://db:5432/m', user: m, password: {env: PG}}\n"));

    assertThat(config.schedules().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/m");
    assertThat(config.schedules().user()).isEqualTo("m");
    assertThat(config.schedules().checkinInterval()).isEqualTo(Duration.ofMillis(7500));
  }

  @Test
  void aNonPostgresJdbcUrlNamesTheSetting() throws Exception {
    Path file = write(SOURCE + "schedules: {jdbcUrl: 'jdbc:mysql://db/m'}\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .hasMessageStartingWith("serve.yaml: schedules.jdbcUrl: must be a jdbc:postgresql: URL");
  }

  @Test
  void inClusterNeedsNoKubeconfig() throws Exception {
    DaemonConfig config =
        ConfigLoader.load(write(SOURCE + "clusters: [{name: local, inCluster: true}]\n"));

    assertThat(config.clusters())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.inCluster()).isTrue();
              assertThat(c.isSandbox()).isFalse();
            });
  }

  private Path write(String yaml) throws Exception {
    Path file = tmp.resolve("serve.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
