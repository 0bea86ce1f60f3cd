package dev.meshplay.gitops.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit re-renders and re-validates only the designs whose input files changed, and the result
 * is always the one a render from scratch gives.
 */
class DesignCacheTest {
  private static final int DESIGN_FILES = 20;

  @TempDir Path dir;
  private TestRepository repo;
  private final AtomicInteger kustomizeBuilds = new AtomicInteger();
  private RepositoryRenderer renderer;
  private final DesignCache cache = new DesignCache();

  /** Builds by echoing the directory's one manifest, counting each build. */
  private final KustomizeRunner kustomize =
      directory -> {
        kustomizeBuilds.incrementAndGet();
        try {
          return Files.readString(directory.resolve("cm.yaml"));
        } catch (IOException e) {
          throw new KustomizeException(e.getMessage());
        }
      };

  @BeforeEach
  void repository() {
    repo = TestRepository.in(dir);
    for (int i = 0; i < DESIGN_FILES; i++) {
      repo.file("designs/app-" + i + ".yaml", design("app-" + i, "v1"));
    }
    repo.file("manifests/shared/a.yaml", configMap("a", "1"))
        .file("manifests/shared/b.yaml", configMap("b", "1"))
        .file("manifests/overlay/kustomization.yaml", "resources: [cm.yaml, ../base]\n")
        .file("manifests/overlay/cm.yaml", configMap("overlay", "1"))
        .file("manifests/base/kustomization.yaml", "resources: [base.yaml]\n")
        .file("manifests/base/base.yaml", configMap("base", "1"));
    renderer =
        new RepositoryRenderer(
            kustomize, HelmRunner.onPath(), Validator.kubernetes(ValidationMode.DEFAULT));
  }

  private static String design(String name, String version) {
    return """
        name: %s
        schemaVersion: designs.meshery.io/v1beta1
        version: 0.0.1
        components:
          - id: 00000000-0000-0000-0000-000000000001
            component: {kind: ConfigMap, version: v1}
            displayName: %s
            model: {name: kubernetes}
            configuration:
              metadata: {namespace: default}
              data: {version: %s}
        """
        .formatted(name, name, version);
  }

  private static String configMap(String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: %s, namespace: default}\ndata: {v: \"%s\"}\n"
        .formatted(name, value);
  }

  private RenderedSet cached() {
    return renderer.render(dir, cache);
  }

  private RenderedSet fromScratch() {
    return new RepositoryRenderer(
            kustomize, HelmRunner.onPath(), Validator.kubernetes(ValidationMode.DEFAULT))
        .render(dir);
  }

  @Test
  void theFirstRenderRendersEveryUnitAndTheSecondNone() {
    RenderedSet first = cached();
    int units = DESIGN_FILES + 2 + 1; // design files, two manifest files, one kustomize root

    assertThat(cache.lastRendered()).isEqualTo(units);
    assertThat(first).isEqualTo(fromScratch());

    int builds = kustomizeBuilds.get();
    RenderedSet second = cached();

    assertThat(cache.lastRendered()).isZero();
    assertThat(cache.rendered()).isEqualTo(units);
    assertThat(kustomizeBuilds.get()).isEqualTo(builds);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void changingOneDesignFileOfManyRendersExactlyThatOne() {
    cached();

    repo.file("designs/app-7.yaml", design("app-7", "v2"));
    RenderedSet after = cached();

    assertThat(cache.lastRendered()).isEqualTo(1);
    assertThat(after).isEqualTo(fromScratch());
    assertThat(after.designs())
        .filteredOn(d -> d.key().equals("designs/app-7.yaml"))
        .singleElement()
        .satisfies(d -> assertThat(d.objects().getFirst().body().toString()).contains("v2"));
  }

  @Test
  void changingOneManifestFileRendersItAloneAndReassemblesItsDirectory() {
    cached();

    repo.file("manifests/shared/b.yaml", configMap("b", "2"));
    RenderedSet after = cached();

    assertThat(cache.lastRendered()).isEqualTo(1);
    assertThat(after).isEqualTo(fromScratch());
  }

  @Test
  void changingAKustomizeBaseRebuildsTheOverlayThatUsesIt() {
    cached();
    int builds = kustomizeBuilds.get();

    repo.file("manifests/base/base.yaml", configMap("base", "2"));
    cached();

    assertThat(cache.lastRendered()).isEqualTo(1);
    assertThat(kustomizeBuilds.get()).isEqualTo(builds + 1);
  }

  @Test
  void aDeletedDesignIsGoneAndAnAddedOneRendered() throws IOException {
    cached();

    Files.delete(dir.resolve("designs/app-3.yaml"));
    repo.file("designs/new.yaml", design("new", "v1"));
    RenderedSet after = cached();

    assertThat(cache.lastRendered()).isEqualTo(1);
    assertThat(after).isEqualTo(fromScratch());
    assertThat(after.designs())
        .extracting(RenderedDesign::key)
        .doesNotContain("designs/app-3.yaml");
  }

  @Test
  void aNewCrdRevalidatesTheCustomResourcesThatNeedItWithoutRerenderingThem() {
    repo.file(
        "manifests/widgets/widget.yaml",
        "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: default}\n");
    RenderedSet before = cached();
    assertThat(before.designs())
        .filteredOn(d -> d.key().equals("manifests/widgets"))
        .singleElement()
        .satisfies(d -> assertThat(d.failed()).isTrue());

    repo.file(
        "manifests/crds/widgets.yaml",
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, kind: Widget}
          versions:
            - name: v1
              served: true
              storage: true
              schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
        """);
    RenderedSet after = cached();

    assertThat(cache.lastRendered()).isEqualTo(1);
    assertThat(after).isEqualTo(fromScratch());
    assertThat(after.designs())
        .filteredOn(d -> d.key().equals("manifests/widgets"))
        .singleElement()
        .satisfies(d -> assertThat(d.failed()).isFalse());
  }
}
