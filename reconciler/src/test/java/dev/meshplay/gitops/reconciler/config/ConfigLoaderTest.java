package dev.meshplay.gitops.reconciler.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshplay.gitops.git.Credentials;
import dev.meshplay.gitops.git.GitSource;
import dev.meshplay.gitops.git.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path tmp;

  @Test
  void readsSourcesClusterAndDefaults() throws Exception {
    Files.writeString(tmp.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n");
    Path file =
        write(
            """
            interval: 45s
            sources:
              - name: platform
                url: https://git.example.com/platform.git
            cluster:
              name: prod
              kubeconfig: kubeconfig
              context: prod-admin
            """);

    DaemonConfig config = ConfigLoader.load(file);

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.interval()).isEqualTo(Duration.ofSeconds(45));
    assertThat(config.sources())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.name()).isEqualTo("platform");
              assertThat(s.branch()).isEqualTo("main");
            });
    assertThat(config.clusters().get(0).kubeconfig()).isEqualTo(tmp.resolve("kubeconfig"));
    assertThat(config.clusters().get(0).context()).isEqualTo("prod-admin");
  }

  @Test
  void severalClustersWithLabels() throws Exception {
    DaemonConfig config =
        ConfigLoader.load(
            write(
                """
                sources: [{name: a, url: /tmp/a}]
                clusters:
                  - {name: east, sandbox: true, labels: {env: prod}}
                  - {name: west, sandbox: true, labels: {env: staging}}
                """));

    assertThat(config.clusters()).extracting(ClusterConfig::name).containsExactly("east", "west");
    assertThat(config.clusters().get(0).labels()).containsEntry("env", "prod");
  }

  @Test
  void aClusterConfiguredTwiceIsNamed() throws Exception {
    Path file =
        write(
            "sources: [{name: a, url: /tmp/a}]\nclusters: [{name: x, sandbox: true}, {name: x, sandbox: true}]\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .hasMessage("serve.yaml: clusters[1].name: cluster 'x' is configured twice");
  }

  @Test
  void pullRequestRefsAreTrackedBesideTheBranch() throws Exception {
    DaemonConfig config =
        ConfigLoader.load(
            write("sources: [{name: a, url: /tmp/a, pullRequestRefs: [refs/pull/*/head]}]\n"));

    assertThat(config.sources().get(0).tracksPullRequest("refs/pull/7/head")).isTrue();
  }

  @Test
  void aSourceForgeIsReadWithItsTokenSourceAndDefaultApiUrl() throws Exception {
    DaemonConfig config =
        ConfigLoader.load(
            write(
                """
                sources:
                  - name: a
                    url: /tmp/a
                    forge: {kind: github, repository: acme/shop, tokenEnv: GITHUB_TOKEN}
                """));

    assertThat(config.forges().get("a").apiUrl()).isEqualTo("https://api.github.com");
    assertThat(config.forges().get("a").toString()).doesNotContain("ghp_");
  }

  @Test
  void aForgeWithoutATokenNamesTheSetting() throws Exception {
    Path file =
        write(
            "sources: [{name: a, url: /tmp/a, forge: {kind: gitea, apiUrl: http://g/api/v1,"
                + " repository: o/r}}]\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .hasMessageContaining("forge.tokenEnv: set exactly one of tokenEnv and tokenFile");
  }

  @Test
  void aMissingClusterMeansTheSandbox() throws Exception {
    DaemonConfig config = ConfigLoader.load(write("sources: [{name: a, url: /tmp/a}]\n"));

    assertThat(config.clusters().get(0).isSandbox()).isTrue();
  }

  @Test
  void inventoriesLiveInMeshplaySystemUnlessConfigured() throws Exception {
    assertThat(ConfigLoader.load(write("sources: [{name: a, url: /tmp/a}]\n")).inventoryNamespace())
        .isEqualTo("meshplay-system");
    assertThat(
            ConfigLoader.load(
                    write("sources: [{name: a, url: /tmp/a}]\ninventoryNamespace: gitops-state\n"))
                .inventoryNamespace())
        .isEqualTo("gitops-state");
  }

  @Test
  void anInventoryNamespaceThatIsNoNamespaceNameNamesTheSetting() throws Exception {
    Path file = write("sources: [{name: a, url: /tmp/a}]\ninventoryNamespace: Meshplay_State\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "serve.yaml: inventoryNamespace: 'Meshplay_State' is not a namespace name");
  }

  @Test
  void scheduledRunsReadServerMetricsFromAConfiguredPrometheus() throws Exception {
    assertThat(ConfigLoader.load(write("sources: [{name: a, url: /tmp/a}]\n")).prometheus())
        .isNull();
    assertThat(
            ConfigLoader.load(
                    write(
                        "sources: [{name: a, url: /tmp/a}]\n"
                            + "prometheus: http://prometheus.monitoring:9090\n"))
                .prometheus())
        .isEqualTo(java.net.URI.create("http://prometheus.monitoring:9090"));
    Path bad = write("sources: [{name: a, url: /tmp/a}]\nprometheus: prometheus:9090\n");
    assertThatThrownBy(() -> ConfigLoader.load(bad))
        .isInstanceOf(ConfigException.class)
        .hasMessage("serve.yaml: prometheus: 'prometheus:9090' is not an http(s) URL");
  }

  @Test
  void aMissingUrlNamesTheFileAndSetting() throws Exception {
    Path file = write("sources:\n  - name: a\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage("serve.yaml: sources[0].url: required");
  }

  @Test
  void anUnknownSettingIsRejectedWithTheKnownOnes() throws Exception {
    Path file = write("sources: [{name: a, url: /tmp/a}]\nintervall: 5s\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .hasMessageStartingWith("serve.yaml: intervall: unknown setting")
        .hasMessageContaining("interval");
  }

  @Test
  void aSourceWaitsSixtySecondsOnItsRemoteUnlessConfigured() throws Exception {
    DaemonConfig config =
        ConfigLoader.load(
            write("sources: [{name: a, url: /tmp/a}, {name: b, url: /tmp/b, timeout: 5s}]\n"));

    assertThat(config.sources())
        .extracting(GitSource::timeout)
        .containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(5));
  }

  @Test
  void aSourceTimeoutUnderOneSecondNamesTheSetting() throws Exception {
    Path file = write("sources: [{name: a, url: /tmp/a, timeout: 500ms}]\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("serve.yaml: sources[0].timeout: must be at least 1s");
  }

  @Test
  void aBadDurationNamesTheSetting() throws Exception {
    Path file = write("sources: [{name: a, url: /tmp/a}]\ninterval: soon\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .hasMessageStartingWith("serve.yaml: interval: 'soon' is not a duration");
  }

  @Test
  void aBadPortNamesTheSetting() throws Exception {
    Path file = write("sources: [{name: a, url: /tmp/a}]\nport: 70000\n");

    assertThatThrownBy(() -> ConfigLoader.load(file)).hasMessageStartingWith("serve.yaml: port:");
  }

  @Test
  void invalidYamlGivesTheLine() throws Exception {
    Path file = write("sources:\n  - name: a\n    url: [unclosed\n");

    assertThatThrownBy(() -> ConfigLoader.load(file)).hasMessageStartingWith("serve.yaml:");
  }

  @Test
  void anUnreadableKubeconfigIsNamed() throws Exception {
    Path file = write("sources: [{name: a, url: /tmp/a}]\ncluster: {kubeconfig: missing.yaml}\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .hasMessageStartingWith("serve.yaml: cluster.kubeconfig: cannot read");
  }

  @Test
  void anInvalidSourceNameIsNamed() throws Exception {
    Path file = write("sources: [{name: Bad_Name, url: /tmp/a}]\n");

    assertThatThrownBy(() -> ConfigLoader.load(file))
        .hasMessageStartingWith("serve.yaml: sources[0].name:");
  }

  @Test
  void webAuthReadsABearerTokenAndBasicCredentialsFromFiles() throws Exception {
    Files.writeString(tmp.resolve("token"), "tok\n");
    Files.writeString(tmp.resolve("password"), "pw\n");
    DaemonConfig config =
        ConfigLoader.load(
            write(
                """
                sources: [{name: a, url: /tmp/a}]
                web:
                  auth:
                    bearerToken: {file: token}
                    basic: {username: admin, password: {file: password}}
                    protectMetrics: false
                """));

    assertThat(config.access().credentials())
        .extracting(c -> c.getClass().getSimpleName())
        .containsExactly("Bearer", "Basic");
    assertThat(config.access().protectMetrics()).isFalse();
    assertThat(config.access().guards("/metrics")).isFalse();
    assertThat(config.access().guards("/api/v1/status")).isTrue();
    assertThat(config.access().guards("/healthz")).isFalse();
  }

  @Test
  void withoutWebAuthThePagesAreOpen() throws Exception {
    DaemonConfig config = ConfigLoader.load(write("sources: [{name: a, url: /tmp/a}]\n"));

    assertThat(config.access().isOpen()).isTrue();
  }

  @Test
  void webAuthMistakesNameTheSetting() throws Exception {
    String missingEnv =
        """
        sources: [{name: a, url: /tmp/a}]
        web: {auth: {bearerToken: {env: MESHPLAY_TEST_UNSET_VARIABLE}}}
        """;
    String empty =
        """
        sources: [{name: a, url: /tmp/a}]
        web: {auth: {protectMetrics: true}}
        """;
    String both =
        """
        sources: [{name: a, url: /tmp/a}]
        web: {auth: {basic: {username: admin, password: {env: X, file: y}}}}
        """;

    assertThatThrownBy(() -> ConfigLoader.load(write(missingEnv)))
        .hasMessage(
            "serve.yaml: web.auth.bearerToken: environment variable"
                + " MESHPLAY_TEST_UNSET_VARIABLE is not set");
    assertThatThrownBy(() -> ConfigLoader.load(write(empty)))
        .hasMessageStartingWith("serve.yaml: web.auth.bearerToken: set bearerToken, basic");
    assertThatThrownBy(() -> ConfigLoader.load(write(both)))
        .hasMessage("serve.yaml: web.auth.basic.password: give exactly one of env or file");
  }

  @Test
  void sourceCredentialsComeFromAFileOrAVariableAndNeverShowTheirValue() throws Exception {
    Files.writeString(tmp.resolve("git-password"), "planted-password-77\n");
    DaemonConfig basic =
        ConfigLoader.load(
            write(
                """
                sources:
                  - name: a
                    url: https://git.example.com/a.git
                    credentials: {username: deploy, password: {file: git-password}}
                """));
    DaemonConfig token =
        ConfigLoader.load(
            write(
                "sources: [{name: a, url: https://git.example.com/a.git,"
                    + " credentials: {token: {env: PATH}}}]\n"));

    Credentials.Basic read = (Credentials.Basic) basic.sources().get(0).credentials();
    assertThat(read.username()).isEqualTo("deploy");
    assertThat(read.password().reveal()).isEqualTo("planted-password-77");
    assertThat(basic.toString()).doesNotContain("planted-password-77");
    assertThat(token.sources().get(0).credentials())
        .isEqualTo(new Credentials.Token(Secret.env("PATH")));
  }

  @Test
  void badSourceCredentialsNameTheSettingNotTheValue() throws Exception {
    String unset =
        "sources: [{name: a, url: https://h/a.git,"
            + " credentials: {token: {env: MESHPLAY_TEST_UNSET_VARIABLE}}}]\n";
    String two =
        "sources: [{name: a, url: https://h/a.git,"
            + " credentials: {token: {env: PATH}, username: x}}]\n";
    String noPassword =
        "sources: [{name: a, url: https://h/a.git, credentials: {username: deploy}}]\n";
    String noKey =
        "sources: [{name: a, url: ssh://h/a.git,"
            + " credentials: {sshKey: missing-key, knownHosts: known_hosts}}]\n";

    assertThatThrownBy(() -> ConfigLoader.load(write(unset)))
        .hasMessage(
            "serve.yaml: sources[0].credentials.token: environment variable"
                + " MESHPLAY_TEST_UNSET_VARIABLE is not set");
    assertThatThrownBy(() -> ConfigLoader.load(write(two)))
        .hasMessage(
            "serve.yaml: sources[0].credentials: give exactly one of token, username and"
                + " password, or sshKey");
    assertThatThrownBy(() -> ConfigLoader.load(write(noPassword)))
        .hasMessage("serve.yaml: sources[0].credentials.password: required with username");
    assertThatThrownBy(() -> ConfigLoader.load(write(noKey)))
        .hasMessageStartingWith("serve.yaml: sources[0].credentials.sshKey: cannot read ");
  }

  private Path write(String yaml) throws Exception {
    Path file = tmp.resolve("serve.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
