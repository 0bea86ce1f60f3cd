package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.StatusFixtures.HOSTILE_MESSAGE;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.HOSTILE_NAME;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.design;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.drifted;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class DesignPageTest {

  @Test
  void showsEachObjectWithItsActionHealthAndDrift() {
    SourceStatus source = source("ship it", design("web", DesignState.SYNCED, List.of(drifted())));

    String html = DesignPage.render(found(source, "designs/web.yaml"));

    assertThat(html)
        .contains("Deployment/web/web", "update", ".spec.replicas")
        .contains("badge PROGRESSING", "1 of 2 replicas available")
        .contains("designs/web.yaml:12", "badge Synced");
  }

  @Test
  void aHostileDesignNameAndCommitMessageAreEscapedEverywhere() {
    SourceStatus source =
        source(HOSTILE_MESSAGE, design(HOSTILE_NAME, DesignState.SYNCED, List.of(drifted())));

    String detail = DesignPage.render(found(source, "designs/web.yaml"));
    String overview = StatusPage.render(List.of(source));
    String clusters = ClustersPage.render(List.of(source));

    for (String html : List.of(detail, overview, clusters)) {
      assertThat(html)
          .doesNotContain("<script>", "alert(\"name\")", "\"quoted\"")
          .doesNotContainPattern("<[^>]*'x");
    }
    assertThat(detail)
        .contains("&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;&#39;x")
        .contains("fix &lt;script&gt;alert(&#39;msg&#39;)&lt;/script&gt; &quot;quoted&quot;");
    assertThat(overview).contains("&lt;script&gt;alert(&quot;name&quot;)");
  }

  @Test
  void anUnknownDesignIsNotFound() {
    SourceStatus source = source("m", design("web", DesignState.SYNCED, List.of()));

    assertThat(new DesignRef("demo", "sandbox", "designs/nope.yaml").find(List.of(source)))
        .isEmpty();
    assertThat(new DesignRef("demo", "other", "designs/web.yaml").find(List.of(source))).isEmpty();
  }

  private static DesignRef.Found found(SourceStatus source, String path) {
    return new DesignRef("demo", "sandbox", path).find(List.of(source)).orElseThrow();
  }
}
