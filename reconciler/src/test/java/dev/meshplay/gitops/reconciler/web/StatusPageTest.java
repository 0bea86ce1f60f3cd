package dev.meshplay.gitops.reconciler.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.health.Health;
import dev.meshplay.gitops.reconciler.plan.Action;
import dev.meshplay.gitops.reconciler.status.ClusterStatus;
import dev.meshplay.gitops.reconciler.status.CommitInfo;
import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.reconciler.status.DesignStatus;
import dev.meshplay.gitops.reconciler.status.ObjectStatus;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import dev.meshplay.gitops.render.DesignFormat;
import dev.meshplay.gitops.render.Diagnostic;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusPageTest {

  @Test
  void textFromGitIsEscaped() {
    CommitInfo commit =
        new CommitInfo("0123456789abcdef", "<script>alert(1)</script>", "Eve & co", Instant.EPOCH);
    DesignStatus design =
        new DesignStatus(
            "designs/x.yaml",
            "<b>x</b>",
            DesignFormat.MESHERY_DESIGN,
            DesignState.FAILED,
            "bad \"thing\"",
            List.of(Diagnostic.error("designs/x.yaml", 3, 1, "<img src=x>")),
            List.of(),
            0);
    SourceStatus source =
        new SourceStatus(
            "demo",
            "/r",
            "main",
            commit,
            null,
            List.of(new ClusterStatus("sandbox", commit, Instant.EPOCH, null, List.of(design))));

    String html = StatusPage.render(List.of(source));

    assertThat(html)
        .doesNotContain("<script>alert", "<b>x</b>", "<img src=x>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Eve &amp; co", "&lt;b&gt;x&lt;/b&gt;")
        .contains("designs/x.yaml:3:1: error: &lt;img src=x&gt;");
  }

  @Test
  void showsEachObjectWithItsActionAndDrift() {
    ObjectStatus object =
        new ObjectStatus(
            new ObjectRef("apps/v1", "Deployment", "web", "web"),
            Action.UPDATE,
            List.of(".spec.replicas"),
            new Provenance("designs/web.yaml", 12),
            null,
            Health.progressing("1 of 2 replicas available"));
    DesignStatus design =
        new DesignStatus(
            "designs/web.yaml",
            "web",
            DesignFormat.MESHERY_DESIGN,
            DesignState.SYNCED,
            null,
            List.of(),
            List.of(object),
            2);
    SourceStatus source =
        new SourceStatus(
            "demo",
            "/r",
            "main",
            null,
            null,
            List.of(new ClusterStatus("sandbox", null, null, null, List.of(design))));

    String html = StatusPage.render(List.of(source));

    assertThat(html)
        .contains("Deployment/web/web", "update (drift repaired: .spec.replicas)")
        .contains("progressing: 1 of 2 replicas available")
        .contains("designs/web.yaml:12", "badge Synced");
  }
}
