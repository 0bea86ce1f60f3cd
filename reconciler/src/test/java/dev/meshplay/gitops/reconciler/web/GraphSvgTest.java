package dev.meshplay.gitops.reconciler.web;

import static dev.meshplay.gitops.reconciler.web.ManifestFixtures.manifest;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.design;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.drifted;
import static dev.meshplay.gitops.reconciler.web.StatusFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.graph.DesignGraph;
import dev.meshplay.gitops.reconciler.status.DesignState;
import dev.meshplay.gitops.reconciler.status.SourceStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphSvgTest {

  @Test
  void drawsEveryObjectAndLabelledEdgeWithoutInlineStyle() {
    String svg = GraphSvg.render(DesignGraph.of(manifest()));

    assertThat(svg)
        .startsWith("<svg class=\"graph\"")
        .contains(">Deployment<", ">web/web<", ">Secret<", ">web/credentials<")
        .contains(">network<", ">inventory<")
        .contains("class=\"edge declared\"")
        .doesNotContain("style=");
  }

  @Test
  void aHostileRelationshipLabelIsEscaped() {
    String svg = GraphSvg.render(DesignGraph.of(manifest()));

    assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)");
  }

  @Test
  void theDesignPageShowsTheGraphAndLinksEachAppliedObjectToItsYaml() {
    SourceStatus source = source("m", design("web", DesignState.SYNCED, List.of(drifted())));
    DesignRef.Found found =
        new DesignRef("demo", "sandbox", "designs/web.yaml").find(List.of(source)).orElseThrow();

    String page = DesignPage.render(found, Optional.of(manifest()));
    String without = DesignPage.render(found, Optional.empty());

    assertThat(page)
        .contains("<svg class=\"graph\"")
        .contains(
            "<a href=\"/object?source=demo&amp;cluster=sandbox&amp;path=designs%2Fweb.yaml"
                + "&amp;kind=Deployment&amp;namespace=web&amp;name=web\">");
    assertThat(without).doesNotContain("<svg").contains("Not applied in the last pass");
  }
}
