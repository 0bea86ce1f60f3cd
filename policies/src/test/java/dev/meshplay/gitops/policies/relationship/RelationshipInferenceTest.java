package dev.meshplay.gitops.policies.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshplay.gitops.render.KustomizeRunner;
import dev.meshplay.gitops.render.ObjectRef;
import dev.meshplay.gitops.render.RenderedObject;
import dev.meshplay.gitops.render.RenderedSet;
import dev.meshplay.gitops.render.RepositoryRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Inference over rendered repositories: the 12-service shop, the examples repository, and one of
 * each class.
 */
class RelationshipInferenceTest {
  private static final List<String> SERVICES =
      List.of(
          "frontend",
          "cart",
          "catalog",
          "checkout",
          "payment",
          "shipping",
          "email",
          "currency",
          "recommendation",
          "ads",
          "reviews",
          "accounts");

  @Test
  void everyServiceOfTheShopSelectsItsDeploymentAndTheAdminIngressDangles(@TempDir Path repo)
      throws IOException {
    copyFixture(
        "repos/microservices",
        List.of("README.md", "manifests/shop/00-namespace.yaml", "manifests/shop/edge.yaml"),
        repo);
    RenderedSet rendered = new RepositoryRenderer(KustomizeRunner.kubectl()).render(repo);
    assertThat(rendered.diagnostics()).isEmpty();

    RelationshipGraph graph = RelationshipInference.infer(objects(rendered));

    Map<String, String> network =
        graph.ofType(RelationshipType.NETWORK).stream()
            .collect(Collectors.toMap(e -> e.from().name(), e -> e.to().toString()));
    assertThat(network).hasSize(12);
    SERVICES.forEach(s -> assertThat(network).containsEntry(s, "Deployment/shop/" + s));
    assertThat(graph.dangling())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.from().toString()).isEqualTo("Ingress/shop/admin");
              assertThat(d.target()).isEqualTo("Service/shop/admin-console");
              assertThat(d.via()).isEqualTo("spec.rules[0].http.paths[0].backend.service.name");
            });
    assertThat(graph.outgoing(ref("networking.k8s.io/v1", "Ingress", "shop", "storefront")))
        .extracting(Relationship::to)
        .extracting(ObjectRef::toString)
        .containsExactly("Service/shop/frontend");
    assertThat(graph.ofType(RelationshipType.INVENTORY)).hasSize(objects(rendered).size() - 1);
    assertThat(graph.ofType(RelationshipType.REFERENCE))
        .extracting(e -> e.from().kind())
        .containsOnly("ConfigMap", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget");
    assertThat(graph.ofType(RelationshipType.REFERENCE))
        .filteredOn(e -> e.from().kind().equals("PodDisruptionBudget"))
        .hasSize(11);
    assertThat(graph.ofType(RelationshipType.FIREWALL))
        .singleElement()
        .extracting(e -> e.to().toString())
        .isEqualTo("Deployment/shop/payment");
  }

  @Test
  void examplesRepositoryInfersItsServicesConfigAndNamespacesWithNothingDangling() {
    RenderedSet rendered =
        new RepositoryRenderer(KustomizeRunner.kubectl()).render(Path.of("..", "examples-repo"));
    RelationshipGraph graph = RelationshipInference.infer(objects(rendered));

    assertThat(graph.dangling()).isEmpty();
    assertThat(graph.ofType(RelationshipType.NETWORK))
        .extracting(Relationship::toString)
        .containsExactlyInAnyOrder(
            "edge/non-binding/network Service/webapp/webapp -> Deployment/webapp/webapp (spec.selector)",
            "edge/non-binding/network Service/cache/redis -> Deployment/cache/redis (spec.selector)",
            "edge/non-binding/network Service/guestbook/guestbook-frontend -> Deployment/guestbook/guestbook-frontend (spec.selector)");
    assertThat(graph.ofType(RelationshipType.REFERENCE))
        .extracting(e -> e.from().kind() + "->" + e.to())
        .contains(
            "ConfigMap->Deployment/webapp/webapp",
            "ConfigMap->Deployment/guestbook/guestbook-frontend");
    assertThat(graph.ofType(RelationshipType.INVENTORY))
        .extracting(e -> e.from().name())
        .contains("webapp", "cache", "guestbook", "platform");
  }

  @Test
  void oneOfEachClassIsInferredInMesheryVocabulary() throws IOException {
    RelationshipGraph graph = RelationshipInference.infer(load("relationships/vocabulary.yaml"));

    assertThat(graph.edges())
        .extracting(e -> e.type().vocabulary())
        .containsOnly(
            "hierarchical/parent/inventory",
            "edge/non-binding/network",
            "edge/binding/mount",
            "edge/non-binding/reference",
            "edge/non-binding/firewall",
            "hierarchical/parent/wallet");
    ObjectRef gateway = ref("apps/v1", "Deployment", "mesh", "gateway");
    assertThat(graph.incoming(gateway))
        .extracting(e -> e.type().subType() + ":" + e.from().kind())
        .contains(
            "mount:ConfigMap",
            "mount:PersistentVolumeClaim",
            "network:Service",
            "firewall:NetworkPolicy");
    assertThat(graph.outgoing(gateway))
        .extracting(e -> e.to().kind())
        .containsExactly("ServiceAccount");
    assertThat(graph.ofType(RelationshipType.WALLET))
        .singleElement()
        .extracting(Relationship::toString)
        .asString()
        .startsWith(
            "hierarchical/parent/wallet WASMFilter/mesh/rate-limit -> EnvoyFilter/mesh/rate-limit");
    assertThat(graph.ofType(RelationshipType.REFERENCE))
        .extracting(e -> e.from().kind() + "->" + e.to().kind())
        .contains("RoleBinding->Role", "RoleBinding->ServiceAccount");
    // The optional secretKeyRef may dangle; the mounted Secret may not.
    assertThat(graph.dangling())
        .extracting(DanglingReference::toString)
        .containsExactly(
            "Deployment/mesh/gateway spec.template.spec.volumes[2].secret -> missing Secret/mesh/gateway-certs");
  }

  private static ObjectRef ref(String apiVersion, String kind, String namespace, String name) {
    return new ObjectRef(apiVersion, kind, namespace, name);
  }

  private static List<RenderedObject> objects(RenderedSet rendered) {
    return rendered.designs().stream().flatMap(d -> d.objects().stream()).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<RenderedObject> load(String resource) throws IOException {
    try (InputStream in = RelationshipInferenceTest.class.getResourceAsStream("/" + resource)) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      var objects = new java.util.ArrayList<RenderedObject>();
      for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(text)) {
        Map<String, Object> body = (Map<String, Object>) doc;
        Map<String, Object> meta = (Map<String, Object>) body.get("metadata");
        objects.add(
            new RenderedObject(
                new ObjectRef(
                    (String) body.get("apiVersion"),
                    (String) body.get("kind"),
                    (String) meta.get("namespace"),
                    (String) meta.get("name")),
                body,
                new dev.meshplay.gitops.render.Provenance(resource, 1)));
      }
      return objects;
    }
  }

  private static void copyFixture(String root, List<String> extra, Path target) throws IOException {
    List<String> files = new java.util.ArrayList<>(extra);
    SERVICES.forEach(s -> files.add("manifests/shop/" + s + ".yaml"));
    for (String file : files) {
      Path to = target.resolve(file);
      Files.createDirectories(to.getParent());
      try (InputStream in =
          RelationshipInferenceTest.class.getResourceAsStream("/" + root + "/" + file)) {
        Files.copy(in, to);
      }
    }
    assertThat(Arrays.asList(target.resolve("manifests/shop").toFile().list())).hasSize(14);
  }
}
