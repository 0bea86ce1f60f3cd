package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.StatusFixtures.design;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.drifted;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.failing;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.status.DesignState;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusPageTest {

  @Test
  void textFromGitIsEscaped() {
    String html =
        StatusPage.render(List.of(source("<script>alert(1)</script>", failing("<b>x</b>"))));

    assertThat(html)
        .doesNotContain("<script>alert", "<b>x</b>", "<img src=x>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "Eve &amp; co", "&lt;b&gt;x&lt;/b&gt;")
        .contains("designs/x.yaml:3:1: error: &lt;img src=x&gt;", "bad &quot;thing&quot;");
  }

  @Test
  void listsEachDesignWithBadgeCountsAndALinkToItsPage() {
    String html =
        StatusPage.render(
            List.of(source("ship it", design("web", DesignState.SYNCED, List.of(drifted())))));

    assertThat(html)
        .contains("badge Synced", "ship it", "by Eve &amp; co", "0123456")
        .contains("href=\"/design?source=demo&amp;cluster=sandbox&amp;path=designs%2Fweb.yaml\"")
        .contains("drift repaired: .spec.replicas")
        .contains("<link rel=\"stylesheet\" href=\"/static/style.css\">")
        .doesNotContain("<style");
    // Without JavaScript the page still follows the daemon: it reloads itself.
    assertThat(html).contains("<noscript><meta http-equiv=\"refresh\" content=\"");
    // One script, our own file; nothing inline.
    assertThat(html.replace("<script src=\"/static/live.js\" defer></script>", ""))
        .doesNotContain("<script");
  }
}
