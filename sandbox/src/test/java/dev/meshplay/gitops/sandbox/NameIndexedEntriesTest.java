package dev.meshplay.gitops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The name index answers what a scan of the store would, in the store's order. */
class NameIndexedEntriesTest {
  private final KubernetesAttributesExtractor paths = new KubernetesAttributesExtractor();
  private final NameIndexedEntries entries = new NameIndexedEntries();

  @Test
  void findsAnObjectByPathAmongOthers() {
    for (int i = 0; i < 50; i++) {
      store("/api/v1/namespaces/a/configmaps/cm-" + i, "cm-" + i);
    }

    assertThat(values(item("/api/v1/namespaces/a/configmaps/cm-7"))).containsExactly("cm-7");
    assertThat(values(item("/api/v1/namespaces/a/configmaps/missing"))).isEmpty();
  }

  @Test
  void sameNameInOtherNamespacesAndKindsAreToldApart() {
    store("/api/v1/namespaces/a/configmaps/web", "a/cm");
    store("/api/v1/namespaces/b/configmaps/web", "b/cm");
    store("/api/v1/namespaces/a/secrets/web", "a/secret");

    assertThat(values(item("/api/v1/namespaces/b/configmaps/web"))).containsExactly("b/cm");
    assertThat(values(item("/api/v1/namespaces/a/secrets/web"))).containsExactly("a/secret");
  }

  @Test
  void anObjectRemovedOrReplacedIsFoundAsItNowIs() {
    AttributeSet old = store("/api/v1/namespaces/a/configmaps/web", "v1");
    entries.remove(old);
    assertThat(values(item("/api/v1/namespaces/a/configmaps/web"))).isEmpty();

    store("/api/v1/namespaces/a/configmaps/web", "v2");
    assertThat(values(item("/api/v1/namespaces/a/configmaps/web"))).containsExactly("v2");

    entries.clear();
    assertThat(values(item("/api/v1/namespaces/a/configmaps/web"))).isEmpty();
  }

  @Test
  void aWildcardNameMatchesAnyNameInStoreOrder() {
    store("/api/v1/namespaces/a/configmaps/*", "wildcard");
    store("/api/v1/namespaces/a/configmaps/web", "web");

    assertThat(values(item("/api/v1/namespaces/a/configmaps/web")))
        .containsExactly("wildcard", "web");
  }

  @Test
  void listsAndSelectorsAreLeftToTheScan() {
    store("/api/v1/namespaces/a/configmaps/web", "web");

    assertThat(entries.matching(paths.fromPath("/api/v1/namespaces/a/configmaps"))).isEmpty();
    assertThat(
            entries.matching(
                paths
                    .fromPath("/api/v1/namespaces/a/configmaps")
                    .add(new Attribute("name", List.of("web", "api"), null))))
        .isEmpty();
  }

  private AttributeSet store(String path, String json) {
    AttributeSet key = paths.fromPath(path);
    entries.put(key, json);
    return key;
  }

  private AttributeSet item(String path) {
    return paths.fromPath(path);
  }

  private List<String> values(AttributeSet query) {
    return entries.matching(query).orElseThrow().stream().map(Map.Entry::getValue).toList();
  }
}
