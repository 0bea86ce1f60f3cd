package dev.meshplay.gitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrdScopeTest {
  @TempDir Path repo;

  @Test
  void aCustomResourceOfAClusterScopedCrdGetsNoNamespace() throws Exception {
    Files.createDirectories(repo.resolve("manifests/certs"));
    Files.writeString(
        repo.resolve("manifests/certs/crd.yaml"),
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: clusterissuers.certs.example.com
        spec:
          group: certs.example.com
          scope: Cluster
          names: {kind: ClusterIssuer, plural: clusterissuers, singular: clusterissuer}
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec: {type: object, properties: {email: {type: string}}}
        """);
    Files.writeString(
        repo.resolve("manifests/certs/issuer.yaml"),
        """
        apiVersion: certs.example.com/v1
        kind: ClusterIssuer
        metadata:
          name: letsencrypt
        spec:
          email: ops@example.com
        """);

    RenderedSet set =
        new RepositoryRenderer(
                KustomizeRunner.kubectl(),
                HelmRunner.onPath(),
                Validator.kubernetes(ValidationMode.DEFAULT))
            .render(repo);

    RenderedDesign design = set.designs().getFirst();
    assertThat(design.diagnostics()).isEmpty();
    RenderedObject issuer =
        design.objects().stream()
            .filter(o -> o.ref().kind().equals("ClusterIssuer"))
            .findFirst()
            .orElseThrow();
    assertThat(issuer.ref().namespace()).isNull();
    assertThat(((Map<?, ?>) issuer.body().get("metadata")).containsKey("namespace")).isFalse();
  }
}
