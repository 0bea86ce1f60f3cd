package dev.meshplay.gitops.render.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The built-in Kubernetes core model, read from the resource {@link KubernetesModelGenerator} wrote
 * at build time: one component per kind, each schema a {@code $ref} into the shared definitions so
 * that nothing is copied per kind.
 *
 * @param source the artefact the definitions were generated from
 * @param definitions the document registered under {@link SchemaCompiler#BUNDLE}
 */
record KubernetesModel(String source, List<ComponentDefinition> components, JsonNode definitions) {
  static final String RESOURCE = "kubernetes-model.json";
  static final String MODEL = "kubernetes";

  static KubernetesModel load() {
    try (InputStream in = KubernetesModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing: the module must be built with Maven, which generates it");
      }
      JsonNode model = JsonMapper.builder().build().readTree(in);
      String source = model.path("source").asString();
      List<ComponentDefinition> components = new ArrayList<>();
      for (JsonNode kind : model.path("kinds")) {
        var ref = JsonNodeFactory.instance.objectNode();
        ref.put(
            "$ref", SchemaCompiler.BUNDLE + "#/definitions/" + kind.path("definition").asString());
        components.add(
            new ComponentDefinition(
                MODEL,
                kind.path("apiVersion").asString(),
                kind.path("kind").asString(),
                kind.path("namespaced").asBoolean(),
                ref,
                "built-in (" + source + ")"));
      }
      var bundle = JsonNodeFactory.instance.objectNode();
      bundle.set("definitions", model.path("definitions"));
      return new KubernetesModel(source, List.copyOf(components), bundle);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
