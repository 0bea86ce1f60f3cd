package dev.meshplay.gitops.reconciler.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.reconciler.manifest.DesignManifest;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.Provenance;
import dev.meshplay.gitops.render.Relationship;
import dev.meshplay.gitops.render.RenderedObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesignGraphTest {
  private static final ObjectRef NS = new ObjectRef("v1", "Namespace", null, "shop");
  private static final ObjectRef APP = new ObjectRef("apps/v1", "Deployment", "shop", "app");
  private static final ObjectRef SVC = new ObjectRef("v1", "Service", "shop", "app");

  @Test
  void inferredAndDeclaredEdgesJoinTheDesignsObjectsOnceEach() {
    Relationship declared =
        new Relationship(
            "r",
            "edge",
            "non-binding",
            "network",
            null,
            List.of(new Relationship.End("s", "Service", SVC)),
            List.of(new Relationship.End("d", "Deployment", APP)),
            new Provenance("designs/shop.yaml", 30));

    DesignGraph graph = DesignGraph.of(new DesignManifest(objects(), List.of(declared)));

    assertThat(graph.nodes()).containsExactly(NS, APP, SVC);
    assertThat(graph.edges())
        .extracting(e -> e.from().kind() + "->" + e.to().kind() + " " + e.label())
        .containsExactlyInAnyOrder(
            "Namespace->Deployment inventory",
            "Namespace->Service inventory",
            "Service->Deployment network");
    DesignGraph.Edge network =
        graph.edges().stream().filter(e -> e.label().equals("network")).findFirst().orElseThrow();
    assertThat(network.inferred()).isTrue();
    assertThat(network.declared()).isTrue();
    assertThat(network.via()).isEqualTo("spec.selector");
  }

  @Test
  void theLayoutPutsKindsInColumnsAndIsTheSameEveryTime() {
    DesignManifest manifest = new DesignManifest(objects(), List.of());

    GraphLayout.Placed first = GraphLayout.place(DesignGraph.of(manifest));
    GraphLayout.Placed again =
        GraphLayout.place(DesignGraph.of(new DesignManifest(objects().reversed(), List.of())));

    assertThat(first.positions().get(NS).x()).isLessThan(first.positions().get(APP).x());
    assertThat(first.positions().get(APP).x()).isLessThan(first.positions().get(SVC).x());
    assertThat(again.positions()).isEqualTo(first.positions());
    assertThat(first.width()).isPositive();
  }

  private static List<RenderedObject> objects() {
    Map<String, Object> labels = Map.of("app", "app");
    return List.of(
        new RenderedObject(NS, Map.of("kind", "Namespace"), null),
        new RenderedObject(
            APP,
            Map.of(
                "kind",
                "Deployment",
                "metadata",
                Map.of("name", "app", "namespace", "shop"),
                "spec",
                Map.of(
                    "selector",
                    Map.of("matchLabels", labels),
                    "template",
                    Map.of(
                        "metadata",
                        Map.of("labels", labels),
                        "spec",
                        Map.of("containers", List.of())))),
            null),
        new RenderedObject(
            SVC,
            Map.of(
                "kind",
                "Service",
                "metadata",
                Map.of("name", "app", "namespace", "shop"),
                "spec",
                Map.of("selector", labels)),
            null));
  }
}
