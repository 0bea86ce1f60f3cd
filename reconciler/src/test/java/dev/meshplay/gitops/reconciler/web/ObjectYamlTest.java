package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.ManifestFixtures.DEPLOYMENT;
import static dev.meshplay.gitops.reconciler.web.ManifestFixtures.PASSWORD;
import static dev.meshplay.gitops.reconciler.web.ManifestFixtures.SECRET;
import static dev.meshplay.gitops.reconciler.web.ManifestFixtures.manifest;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.design;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.render.RenderedObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectYamlTest {

  @Test
  void aSecretsValuesAndTheAnnotationsThatEmbedThemAreRedactedKeysKept() {
    RenderedObject secret = manifest().object(SECRET).orElseThrow();

    String yaml = ObjectYaml.of(secret);

    assertThat(yaml)
        .doesNotContain(PASSWORD, "aHVudGVyMi12ZXJ5LXNlY3JldA==", "sha256:0123")
        .contains("password: '[redacted]'", "kind: Secret", "type: Opaque")
        .contains("kubectl.kubernetes.io/last-applied-configuration: '[redacted]'");
    assertThat(secret.body().toString()).as("the stored object is untouched").contains(PASSWORD);
  }

  @Test
  void otherKindsAreShownAsAppliedWithTheirOwnershipMarks() {
    String yaml = ObjectYaml.of(manifest().object(DEPLOYMENT).orElseThrow());

    assertThat(yaml)
        .contains("kind: Deployment", "image: nginx", "meshplay.dev/config-hash: sha256:0123");
  }

  @Test
  void thePageEscapesTheYamlAndTheJsonRedactsTheSecret() {
    SourceStatus source = source("m", design("web", DesignState.SYNCED, List.of()));
    DesignRef.Found design =
        new DesignRef("demo", "sandbox", "designs/web.yaml").find(List.of(source)).orElseThrow();

    String page =
        ObjectPage.render(
            new ObjectPage.Found(design, manifest().object(DEPLOYMENT).orElseThrow()));
    String json =
        ObjectPage.json(new ObjectPage.Found(design, manifest().object(SECRET).orElseThrow()));
    String secretPage =
        ObjectPage.render(new ObjectPage.Found(design, manifest().object(SECRET).orElseThrow()));

    assertThat(page)
        .doesNotContain("<script>alert")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(json).doesNotContain(PASSWORD).contains("[redacted]", "\"yaml\"");
    assertThat(secretPage).doesNotContain(PASSWORD).contains("values redacted");
  }
}
