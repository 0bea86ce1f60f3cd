package dev.meshplay.gitops.render;

import static dev.meshplay.gitops.render.TestRepository.design;
import static dev.meshplay.gitops.render.TestRepository.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelationshipTest {
  @TempDir Path dir;

  @Test
  void corpusRelationshipIsAValueWithBothEndsResolvedToObjects() {
    Path corpus = TestRepository.CORPUS.resolve("valid_design.yml");
    assumeThat(Files.exists(corpus)).isTrue();

    RenderedDesign design =
        design(
            TestRepository.in(dir).copy(corpus, "designs/valid_design.yml").render(),
            "designs/valid_design.yml");

    assertThat(design.relationships()).isEqualTo(1);
    Relationship inventory = design.declaredRelationships().getFirst();
    assertThat(inventory.classification()).isEqualTo("hierarchical/parent/inventory");
    assertThat(inventory.status()).isEqualTo("approved");
    assertThat(inventory.from())
        .extracting(e -> String.valueOf(e.ref()))
        .containsExactly("ConfigMap/default/config-map-jp");
    assertThat(inventory.to())
        .extracting(e -> String.valueOf(e.ref()))
        .containsExactly("Namespace/default");
    assertThat(inventory.provenance().designId()).isEqualTo("00000000-0000-0000-0000-000000000000");
  }

  @Test
  void provenanceCarriesDesignAndComponentIds() {
    RenderedDesign design =
        design(
            TestRepository.in(dir)
                .file(
                    "designs/app.yaml",
                    """
                    id: design-7
                    name: app
                    schemaVersion: designs.meshery.io/v1beta1
                    components:
                    - id: comp-1
                      displayName: cfg
                      component: {kind: ConfigMap, version: v1}
                    relationships:
                    - kind: edge
                      type: non-binding
                      subType: reference
                      selectors:
                      - allow:
                          from: [{id: comp-1, kind: ConfigMap}]
                          to: [{kind: "*"}, {id: missing, kind: Deployment}]
                    """)
                .render(),
            "designs/app.yaml");

    Provenance provenance = object(design, "ConfigMap", "cfg").provenance();
    assertThat(provenance.designId()).isEqualTo("design-7");
    assertThat(provenance.componentId()).isEqualTo("comp-1");
    assertThat(provenance).hasToString("designs/app.yaml:5");
    Relationship reference = design.declaredRelationships().getFirst();
    assertThat(reference.to())
        .containsExactly(
            new Relationship.End(null, "*", null),
            new Relationship.End("missing", "Deployment", null));
  }
}
