package dev.meshplay.gitops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourcePathTest {

  @Test
  void parsesNamespacedItemsAndSubresources() {
    assertThat(ResourcePath.parse("/apis/apps/v1/namespaces/demo/deployments/web/status"))
        .contains(new ResourcePath("apps", "v1", "demo", "deployments", "web", "status"));
    assertThat(ResourcePath.parse("/api/v1/namespaces/demo/configmaps"))
        .contains(new ResourcePath("", "v1", "demo", "configmaps", null, null));
  }

  @Test
  void readsNamespacesAsClusterScopedObjects() {
    assertThat(ResourcePath.parse("/api/v1/namespaces/demo"))
        .contains(new ResourcePath("", "v1", null, "namespaces", "demo", null));
    assertThat(ResourcePath.parse("/api/v1/namespaces/demo/status"))
        .contains(new ResourcePath("", "v1", null, "namespaces", "demo", "status"));
  }

  @Test
  void namesPathsTheWayTheApiServerDoes() {
    ResourcePath path =
        ResourcePath.parse("/apis/apps/v1/namespaces/demo/deployments/web").orElseThrow();

    assertThat(path.groupVersion()).isEqualTo("apps/v1");
    assertThat(path.collection()).isEqualTo("/apis/apps/v1/namespaces/demo/deployments");
    assertThat(path.qualifiedPlural()).isEqualTo("deployments.apps");
  }

  @Test
  void rejectsDiscoveryAndUnknownPaths() {
    assertThat(ResourcePath.parse("/apis/apps/v1")).isEmpty();
    assertThat(ResourcePath.parse("/version")).isEmpty();
  }
}
