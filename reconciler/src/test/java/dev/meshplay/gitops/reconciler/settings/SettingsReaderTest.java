package dev.meshplay.gitops.reconciler.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

  @Test
  void readsDefaultsOverridesTargetsAndIgnores() {
    RepositorySettings settings =
        SettingsReader.read(
            """
            apiVersion: gitops.meshplay.dev/v1alpha1
            kind: Repository
            spec:
              targets: [{matchLabels: {env: prod}}]
              selfHeal: false
              maxPruneShare: 0.25
              ignoreDifferences:
                - {kind: Deployment, paths: [.spec.replicas]}
              designs:
                designs/web.yaml: {suspend: true, targets: [{name: east}]}
            """);

    assertThat(settings.defaults().selfHeal()).isFalse();
    assertThat(settings.defaults().targets("west", Map.of("env", "prod"))).isTrue();
    assertThat(settings.defaults().targets("west", Map.of("env", "dev"))).isFalse();
    DesignSettings web = settings.forDesign("designs/web.yaml");
    assertThat(web.suspend()).isTrue();
    assertThat(web.selfHeal()).as("inherits the defaults").isFalse();
    assertThat(web.targets("east", Map.of())).isTrue();
    assertThat(settings.maxPruneShare()).isEqualTo(0.25);
    assertThat(settings.ignored("Deployment", ".spec.replicas")).isTrue();
    assertThat(settings.ignored("StatefulSet", ".spec.replicas")).isFalse();
  }

  @Test
  void theDemoTargetLatencyIsRead() {
    assertThat(SettingsReader.read("spec:\n  demoTarget: {latency: 250ms}\n").demoTargetLatency())
        .isEqualTo(java.time.Duration.ofMillis(250));
    assertThat(SettingsReader.read("spec:\n  prune: true\n").demoTargetLatency()).isNull();
    assertThatThrownBy(() -> SettingsReader.read("spec:\n  demoTarget: {latency: slow}\n"))
        .hasMessage("meshplay.yaml:2:25: latency must be like 5ms or 1s");
  }

  @Test
  void anEmptyFileMeansDefaults() {
    assertThat(SettingsReader.read("").forDesign("x").prune()).isTrue();
  }

  @Test
  void anUnknownSettingNamesItsLine() {
    assertThatThrownBy(() -> SettingsReader.read("spec:\n  prunne: true\n"))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("meshplay.yaml:2:3: unknown setting 'prunne'");
  }

  @Test
  void aWrongTypeNamesItsLine() {
    assertThatThrownBy(() -> SettingsReader.read("spec:\n  prune: sometimes\n"))
        .hasMessage("meshplay.yaml:2:10: prune must be true or false, not 'sometimes'");
  }

  @Test
  void brokenYamlNamesItsLine() {
    assertThatThrownBy(() -> SettingsReader.read("spec:\n  targets: [\n"))
        .hasMessageStartingWith("meshplay.yaml:");
  }

  @Test
  void aShareOutOfRangeIsRejected() {
    assertThatThrownBy(() -> SettingsReader.read("spec:\n  maxPruneShare: 2\n"))
        .hasMessageContaining("maxPruneShare must be a number above 0 and at most 1");
  }

  @Test
  void adoptDefaultsToUnownedAndIsSetPerDesign() {
    RepositorySettings settings =
        SettingsReader.read("spec:\n  designs:\n    designs/cart.yaml: {adopt: foreign}\n");

    assertThat(settings.forDesign("designs/web.yaml").adopt()).isEqualTo(AdoptPolicy.UNOWNED);
    assertThat(settings.forDesign("designs/cart.yaml").adopt()).isEqualTo(AdoptPolicy.FOREIGN);
  }

  @Test
  void anUnknownAdoptPolicyNamesItsLine() {
    assertThatThrownBy(() -> SettingsReader.read("spec:\n  adopt: everything\n"))
        .hasMessage("meshplay.yaml:2:10: adopt must be unowned or foreign, not 'everything'");
  }
}
