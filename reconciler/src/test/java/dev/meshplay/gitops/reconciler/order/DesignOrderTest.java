package dev.meshplay.gitops.reconciler.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshplay.gitops.reconciler.settings.SettingsException;
import dev.meshplay.gitops.reconciler.settings.SettingsReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesignOrderTest {
  private static final Map<String, String> DESIGNS = new LinkedHashMap<>();

  static {
    DESIGNS.put("designs/app.yaml", "app");
    DESIGNS.put("designs/db.yaml", "database");
    DESIGNS.put("manifests/crds", "crds");
    DESIGNS.put("manifests/other", "other");
  }

  private static DesignOrder order(String designs) {
    return DesignOrder.of(DESIGNS, SettingsReader.read("spec:\n  designs:\n" + designs));
  }

  @Test
  void designsWithoutDependenciesAreAllInTheFirstLayer() {
    DesignOrder order = order("    designs/app.yaml: {prune: true}\n");

    assertThat(order.layers()).containsExactly(List.copyOf(DESIGNS.keySet()));
    assertThat(order.of("designs/app.yaml")).isEmpty();
  }

  @Test
  void aDesignComesAfterWhatItDependsOnByPathOrByName() {
    DesignOrder order =
        order(
            "    designs/app.yaml: {dependsOn: [database]}\n"
                + "    designs/db.yaml: {dependsOn: [manifests/crds]}\n");

    assertThat(order.layers())
        .containsExactly(
            List.of("manifests/crds", "manifests/other"),
            List.of("designs/db.yaml"),
            List.of("designs/app.yaml"));
    assertThat(order.of("designs/app.yaml")).containsExactly("designs/db.yaml");
  }

  @Test
  void anUnknownDesignIsASettingsErrorAtItsLine() {
    assertThatThrownBy(() -> order("    designs/app.yaml:\n      dependsOn: [cache]\n"))
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "meshplay.yaml:4:19: dependsOn: no design 'cache' (name a design by its path or its"
                + " name)");
  }

  @Test
  void aCycleIsASettingsErrorNamingTheLoop() {
    assertThatThrownBy(
            () ->
                order(
                    "    designs/app.yaml: {dependsOn: [designs/db.yaml]}\n"
                        + "    designs/db.yaml: {dependsOn: [app]}\n"))
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "meshplay.yaml:3:36: dependsOn cycle: designs/app.yaml -> designs/db.yaml ->"
                + " designs/app.yaml");
  }

  @Test
  void aDesignCannotDependOnItself() {
    assertThatThrownBy(() -> order("    designs/app.yaml: {dependsOn: [app]}\n"))
        .hasMessageContaining("dependsOn cycle: designs/app.yaml -> designs/app.yaml");
  }

  @Test
  void anAmbiguousNameMustBeAPath() {
    Map<String, String> twins = Map.of("designs/a.yaml", "web", "designs/b.yaml", "web");
    assertThatThrownBy(
            () ->
                DesignOrder.of(
                    twins,
                    SettingsReader.read(
                        "spec:\n  designs:\n    designs/a.yaml: {dependsOn: [web]}\n")))
        .hasMessageContaining("'web' names 2 designs");
  }
}
