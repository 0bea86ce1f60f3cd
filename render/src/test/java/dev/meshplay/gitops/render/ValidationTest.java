package dev.meshplay.gitops.render;

import static dev.meshplay.gitops.render.TestRepository.design;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationTest {
  private static final KustomizeRunner NO_KUSTOMIZE =
      d -> {
        throw new KustomizeException("kustomize must not run");
      };
  private static final HelmRunner NO_HELM =
      c -> {
        throw new HelmException("helm must not run");
      };

  @TempDir Path dir;

  private RenderedSet validate(ValidationMode mode, Path path) {
    return Validator.kubernetes(mode).validate(path, NO_KUSTOMIZE, NO_HELM);
  }

  @Test
  void schemaErrorsNameFileLineColumnFieldAndExpectation() {
    TestRepository.in(dir)
        .file(
            "manifests/app/web.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: two
              selector: {matchLabels: {app: web}}
              template:
                spec:
                  containers:
                  - image: nginx
            """);

    RenderedDesign design = design(validate(ValidationMode.DEFAULT, dir), "manifests/app");

    assertThat(design.failed()).isTrue();
    assertThat(design.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactlyInAnyOrder(
            "manifests/app/web.yaml:6:13: error: Deployment/default/web: $.spec.replicas: string"
                + " found, integer expected",
            "manifests/app/web.yaml:11:9: error: Deployment/default/web:"
                + " $.spec.template.spec.containers[0].name: required field \"name\" is missing");
    assertThat(design.diagnostics())
        .extracting(Diagnostic::field)
        .contains("$.spec.replicas", "$.spec.template.spec.containers[0].name");
  }

  @Test
  void meshery_componentErrorsPointIntoTheConfigurationAndAtTheDisplayName() {
    TestRepository.in(dir)
        .file(
            "designs/app.yaml",
            """
            name: app
            schemaVersion: designs.meshery.io/v1beta1
            components:
            - id: c1
              displayName: Bad_Name
              component: {kind: ConfigMap, version: v1}
              configuration:
                data: {replicas: 2}
            """);

    RenderedDesign design = design(validate(ValidationMode.DEFAULT, dir), "designs/app.yaml");

    assertThat(design.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactlyInAnyOrder(
            "designs/app.yaml:5:16: error: ConfigMap/default/Bad_Name: name \"Bad_Name\" must be a"
                + " DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and"
                + " ending with a letter or digit",
            "designs/app.yaml:8:22: error: ConfigMap/default/Bad_Name: $.data.replicas: integer"
                + " found, string expected");
  }

  @Test
  void namespaceAndServiceNamesMustBeDns1123Labels() {
    TestRepository.in(dir)
        .file(
            "manifests/ns.yaml",
            "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team.a\n---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: team.a\n  namespace: x\n");

    RenderedDesign design = design(validate(ValidationMode.DEFAULT, dir), "manifests");

    assertThat(design.diagnostics())
        .extracting(Diagnostic::toString)
        .singleElement()
        .asString()
        .startsWith(
            "manifests/ns.yaml:4:9: error: Namespace/team.a: name \"team.a\" must be a DNS-1123 label");
  }

  @Test
  void unknownKindIsAnErrorByDefaultAndAWarningWhenLenient() {
    TestRepository.in(dir)
        .file(
            "manifests/w.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n");

    RenderedDesign strictish = design(validate(ValidationMode.DEFAULT, dir), "manifests");
    RenderedDesign lenient = design(validate(ValidationMode.LENIENT, dir), "manifests");

    String message =
        "manifests/w.yaml:1:13: %s: Widget/default/w: no model defines kind Widget in"
            + " example.com/v1; add its CRD to the repository or its Meshery model under models/";
    assertThat(strictish.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(message.formatted("error"));
    assertThat(lenient.diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(message.formatted("warning"));
    assertThat(lenient.failed()).isFalse();
    assertThat(lenient.objects()).hasSize(1);
  }

  @Test
  void strictRejectsFieldsTheSchemaDoesNotDefine() {
    TestRepository.in(dir)
        .file(
            "manifests/cm.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  lables: {a: b}\n");

    assertThat(design(validate(ValidationMode.DEFAULT, dir), "manifests").diagnostics()).isEmpty();
    assertThat(design(validate(ValidationMode.STRICT, dir), "manifests").diagnostics())
        .extracting(Diagnostic::toString)
        .containsExactly(
            "manifests/cm.yaml:5:11: error: ConfigMap/default/cm: $.metadata.lables: field"
                + " \"lables\" is not defined by the schema (strict mode)");
  }

  @Test
  void crdInTheRepositoryAddsItsKindAndSchema() {
    TestRepository.in(dir)
        .file(
            "manifests/crds/widget.yaml",
            """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              scope: Namespaced
              names: {kind: Widget, plural: widgets}
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        required: [size]
                        properties:
                          size: {type: integer, minimum: 1}
                          port: {x-kubernetes-int-or-string: true}
            """)
        .file(
            "manifests/app/widgets.yaml",
            """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: good}
            spec: {size: 3, port: http}
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: bad}
            spec: {size: 0, port: 8080}
            """);

    RenderedSet set = validate(ValidationMode.DEFAULT, dir);

    assertThat(design(set, "manifests/crds").diagnostics()).isEmpty();
    assertThat(design(set, "manifests/app").diagnostics())
        .extracting(Diagnostic::toString)
        .singleElement()
        .asString()
        .isEqualTo(
            "manifests/app/widgets.yaml:9:14: error: Widget/default/bad: $.spec.size: must have a"
                + " minimum value of 1");
  }

  @Test
  void customResourceDefinitionsAreCheckedAgainstTheirOwnSchema() {
    TestRepository.in(dir)
        .file(
            "manifests/crds/gizmo.yaml",
            """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: gizmos.example.com
            spec:
              group: example.com
              scope: Cluster
              names: {kind: Gizmo, plural: gizmos}
              versions:
              - name: v1
                served: "yes"
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec: {type: object, x-kubernetes-preserve-unknown-fields: true}
            """);

    RenderedDesign design = design(validate(ValidationMode.STRICT, dir), "manifests/crds");

    assertThat(design.diagnostics())
        .extracting(Diagnostic::toString)
        .singleElement()
        .asString()
        .isEqualTo(
            "manifests/crds/gizmo.yaml:11:13: error:"
                + " CustomResourceDefinition/gizmos.example.com: $.spec.versions[0].served:"
                + " string found, boolean expected");
  }

  @Test
  void mesheryModelsDirectoryDefinesCustomKinds() {
    TestRepository.in(dir)
        .file(
            "models/acme/1.0.0/v1.0.0/components/Gadget.json",
            """
            {"component": {"kind": "Gadget", "version": "acme.io/v1",
              "schema": "{\\"type\\":\\"object\\",\\"properties\\":{\\"spec\\":{\\"type\\":\\"object\\",\\"properties\\":{\\"color\\":{\\"enum\\":[\\"red\\",\\"blue\\"]}}}}}"},
             "model": {"name": "acme"}}
            """)
        .file(
            "manifests/g.yaml",
            "apiVersion: acme.io/v1\nkind: Gadget\nmetadata: {name: g}\nspec: {color: green}\n");

    RenderedDesign design = design(validate(ValidationMode.DEFAULT, dir), "manifests");

    assertThat(design.diagnostics())
        .extracting(Diagnostic::toString)
        .singleElement()
        .asString()
        .startsWith("manifests/g.yaml:4:15: error: Gadget/default/g: $.spec.color:");
  }

  @Test
  void corpusFilesAndTheExamplesRepositoryValidate() {
    Path corpus = TestRepository.CORPUS;
    assumeThat(Files.isDirectory(corpus)).as("shared corpus present").isTrue();
    TestRepository.in(dir)
        .copy(corpus.resolve("valid_design.yml"), "designs/valid_design.yml")
        .copy(corpus.resolve("kubernetes_basic-services.yml"), "designs/basic.yml");

    RenderedSet set = validate(ValidationMode.DEFAULT, dir);

    assertThat(set.anyFailed()).as("%s", set.diagnostics()).isFalse();
    assertThat(set.designs()).allMatch(d -> !d.objects().isEmpty());
    Path examples = Path.of("../examples-repo");
    assumeThat(Files.isDirectory(examples)).isTrue();
    assumeThat(onPath("kubectl")).isTrue();
    RenderedSet repo = Validator.kubernetes(ValidationMode.DEFAULT).validate(examples);
    assertThat(repo.anyFailed()).as("%s", repo.diagnostics()).isFalse();
  }

  @Test
  void aSingleFileInsideARepositoryKeepsItsRepositoryKey() {
    TestRepository.in(dir)
        .file("manifests/a/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n")
        .file("manifests/b/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: B}\n");

    RenderedSet set = validate(ValidationMode.DEFAULT, dir.resolve("manifests/a/cm.yaml"));

    assertThat(set.designs()).extracting(RenderedDesign::key).containsExactly("manifests/a");
    assertThat(set.anyFailed()).isFalse();
  }

  @Test
  void aPlainDirectoryOutsideAnyRepositoryIsValidatedAsDesigns() {
    TestRepository.in(dir)
        .file("loose/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");

    RenderedSet set = validate(ValidationMode.DEFAULT, dir.resolve("loose"));

    assertThat(set.designs()).extracting(RenderedDesign::key).containsExactly("loose");
  }

  static boolean onPath(String name) {
    return BoundedProcess.onPath(name);
  }
}
