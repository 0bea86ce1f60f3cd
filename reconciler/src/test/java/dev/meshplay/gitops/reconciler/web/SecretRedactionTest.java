package dev.meshplay.gitops.reconciler.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.reconciler.status.ClusterStatus;
import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.ObjectStatus;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.render.DesignFormat;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {
  private static final String REJECTED =
      "Secret/shop/db apply failed (Invalid): data.password: Invalid value: \"hunter2\"";

  @Test
  void aSecretValueQuotedByTheApiServerNeverReachesThePageOrTheApi() {
    ObjectStatus secret =
        new ObjectStatus(
            new ObjectRef("v1", "Secret", "shop", "db"),
            Action.UPDATE,
            List.of(),
            new Provenance("manifests/db.yaml", 1),
            REJECTED,
            null);
    DesignStatus design =
        new DesignStatus(
            "manifests/db.yaml",
            "db",
            DesignFormat.MANIFESTS,
            DesignState.FAILED,
            REJECTED,
            List.of(),
            List.of(secret),
            0);
    SourceStatus source =
        new SourceStatus(
            "demo",
            "/r",
            "main",
            null,
            null,
            List.of(new ClusterStatus("sandbox", null, null, null, List.of(design))));

    String detail =
        DesignPage.render(
            new DesignRef("demo", "sandbox", "manifests/db.yaml")
                .find(List.of(source))
                .orElseThrow());
    String overview = StatusPage.render(List.of(source));
    String json = StatusJson.of(List.of(source));

    for (String text : List.of(detail, overview, json)) {
      assertThat(text).doesNotContain("hunter2").contains("Secret/shop/db");
    }
    assertThat(detail).contains("Invalid value: &quot;[redacted]&quot;");
  }

  @Test
  void errorsOfOtherKindsAreShownWhole() {
    ObjectStatus map =
        new ObjectStatus(
            new ObjectRef("v1", "ConfigMap", "shop", "c"),
            Action.UPDATE,
            List.of(),
            null,
            "data.x: Invalid value: \"y\"",
            null);

    assertThat(SecretRedaction.error(map)).isEqualTo("data.x: Invalid value: \"y\"");
  }
}
