package dev.meshplay.gitops.reconciler.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.RenderedObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestStoreTest {
  private static final DesignManifest GOOD =
      new DesignManifest(
          List.of(new RenderedObject(new ObjectRef("v1", "ConfigMap", "a", "b"), Map.of(), null)),
          List.of());

  @Test
  void aHeldDesignKeepsItsLastGoodManifestAndAVanishedOneIsDropped() {
    ManifestStore store = new ManifestStore();
    store.put("s", "c", Map.of("designs/a.yaml", GOOD, "designs/b.yaml", GOOD), List.of());

    store.put("s", "c", Map.of(), List.of("designs/a.yaml"));

    assertThat(store.find("s", "c", "designs/a.yaml")).contains(GOOD);
    assertThat(store.find("s", "c", "designs/b.yaml")).isEmpty();
    assertThat(store.find("s", "other", "designs/a.yaml")).isEmpty();
  }
}
