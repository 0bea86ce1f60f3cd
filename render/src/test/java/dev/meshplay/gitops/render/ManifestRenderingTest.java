package dev.meshplay.gitops.render;

import static dev.meshplay.gitops.render.TestRepository.design;
import static dev.meshplay.gitops.render.TestRepository.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestRenderingTest {
  @TempDir Path dir;

  @Test
  void filesOfOneDirectoryFormOneDesignInDeclarationOrder() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "manifests/monitoring/b.yaml",
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: second}
                ---
                ---
                apiVersion: v1
                kind: List
                items:
                - {apiVersion: v1, kind: ConfigMap, metadata: {name: third}}
                - {apiVersion: v1, kind: Namespace, metadata: {name: monitoring, namespace: x}}
                """)
            .file(
                "manifests/monitoring/a.json",
                """
                {"apiVersion": "v1", "kind": "ConfigMap",
                 "metadata": {"name": "first", "namespace": "obs"}, "data": {"n": "1"}}
                """)
            .file("manifests/monitoring/README.md", "not rendered")
            .render();

    RenderedDesign design = design(set, "manifests/monitoring");
    assertThat(design.name()).isEqualTo("monitoring");
    assertThat(design.format()).isEqualTo(DesignFormat.MANIFESTS);
    assertThat(design.objects())
        .extracting(o -> o.ref() + " @" + o.provenance())
        .containsExactly(
            "ConfigMap/obs/first @manifests/monitoring/a.json:1",
            "ConfigMap/default/second @manifests/monitoring/b.yaml:1",
            "ConfigMap/default/third @manifests/monitoring/b.yaml:9",
            "Namespace/monitoring @manifests/monitoring/b.yaml:10");
    assertThat(object(design, "ConfigMap", "second").body())
        .containsEntry("metadata", Map.of("name", "second", "namespace", "default"));
    assertThat(object(design, "Namespace", "monitoring").body())
        .containsEntry("metadata", Map.of("name", "monitoring"));
  }

  @Test
  void eachDirectoryIsItsOwnDesignSortedByKey() {
    RenderedSet set =
        TestRepository.in(dir)
            .file("manifests/z/cm.yaml", configMap("z"))
            .file("manifests/a/cm.yaml", configMap("a"))
            .file("designs/cm.yaml", configMap("d"))
            .file("benchmarks/cm.yaml", configMap("ignored"))
            .file("meshplay.yaml", "name: repo\n")
            .render();

    assertThat(set.designs())
        .extracting(RenderedDesign::key)
        .containsExactly("designs", "manifests/a", "manifests/z");
  }

  @Test
  void numbersAndBooleansKeepTheirTypes() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "manifests/app/deploy.yaml",
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: 3
                  big: 9999999999
                  ratio: 0.5
                  paused: false
                  text: "3"
                  none: ~
                """)
            .render();

    @SuppressWarnings("unchecked")
    Map<String, Object> spec =
        (Map<String, Object>) design(set, "manifests/app").objects().getFirst().body().get("spec");
    assertThat(spec.get("replicas")).isEqualTo(3);
    assertThat(spec.get("big")).isEqualTo(9999999999L);
    assertThat(spec.get("ratio")).isEqualTo(0.5);
    assertThat(spec.get("paused")).isEqualTo(false);
    assertThat(spec.get("text")).isEqualTo("3");
    assertThat(spec).containsEntry("none", null);
  }

  @Test
  void documentWithoutNameIsAnErrorAtItsLine() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "manifests/app/cm.yaml",
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: ok}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {namespace: x}
                """)
            .render();

    RenderedDesign design = design(set, "manifests/app");
    assertThat(design.failed()).isTrue();
    assertThat(design.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly("manifests/app/cm.yaml:5:1: error: Secret has no metadata.name");
  }

  @Test
  void yamlMergeKeysAreApplied() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "manifests/app/cm.yaml",
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: merged}
                data:
                  base: &base {a: "1", b: "2"}
                  derived:
                    <<: *base
                    b: "3"
                """)
            .render();

    Object data = design(set, "manifests/app").objects().getFirst().body().get("data");
    assertThat(data)
        .isEqualTo(
            Map.of("base", Map.of("a", "1", "b", "2"), "derived", Map.of("a", "1", "b", "3")));
  }

  static String configMap(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n";
  }

  @Test
  void aNamespaceWrittenAsAListIsAnErrorAtItsLine() {
    RenderedSet set =
        TestRepository.in(dir)
            .file(
                "manifests/app/cm.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  namespace: [default]\n")
            .file("manifests/app/ok.yaml", configMap("ok"))
            .render();

    RenderedDesign design = design(set, "manifests/app");
    assertThat(design.failed()).isTrue();
    assertThat(design.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "manifests/app/cm.yaml:5:14: error: ConfigMap cm: namespace must be a string, found a"
                + " list");
  }

  @Test
  void aNamespaceWrittenAsANumberIsAnError() {
    RenderedSet set =
        TestRepository.in(dir)
            .file("manifests/app/cm.yaml", configMap("cm") + "  namespace: 42\n")
            .render();

    assertThat(design(set, "manifests/app").diagnostics())
        .extracting(Diagnostic::message)
        .containsExactly("ConfigMap cm: namespace must be a string, found 42 (not quoted)");
  }
}
