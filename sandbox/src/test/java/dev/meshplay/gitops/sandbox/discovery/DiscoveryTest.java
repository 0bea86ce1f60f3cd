package dev.meshplay.gitops.sandbox.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.sandbox.document.Documents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
  private static final Map<String, Object> CRD =
      Documents.parseObject(
          """
          apiVersion: apiextensions.k8s.io/v1
          kind: CustomResourceDefinition
          metadata: {name: widgets.example.com}
          spec:
            group: example.com
            scope: Namespaced
            names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
            versions: [{name: v1, served: true, storage: true}]
          """);

  private final Discovery discovery = new Discovery(() -> List.of(CRD));

  @Test
  void listsBuiltInAndCustomGroups() {
    String groups = Documents.toJson(discovery.document("/apis").orElseThrow());

    assertThat(groups)
        .contains("\"name\":\"apps\"", "\"name\":\"example.com\"", "\"kind\":\"APIGroupList\"");
  }

  @Test
  void describesEachResourceOfAGroupVersion() {
    String apps = Documents.toJson(discovery.document("/apis/apps/v1").orElseThrow());

    assertThat(apps)
        .contains(
            "{\"name\":\"deployments\",\"singularName\":\"deployment\",\"namespaced\":true,\"kind\":\"Deployment\"",
            "\"shortNames\":[\"deploy\"]");
  }

  @Test
  void servesCustomResourcesFromStoredDefinitions() {
    String widgets = Documents.toJson(discovery.document("/apis/example.com/v1").orElseThrow());

    assertThat(widgets)
        .contains("\"name\":\"widgets\"", "\"kind\":\"Widget\"", "\"shortNames\":[\"wd\"]");
  }

  @Test
  void answersNothingForPathsThatAreNotDiscovery() {
    assertThat(discovery.document("/apis/apps/v1/deployments")).isEmpty();
    assertThat(discovery.document("/apis/unknown.io/v1")).isEmpty();
  }
}
